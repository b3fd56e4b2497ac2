resource "aws_neptune_cluster" "graph" { # expect: FAIL "kept 7 days"
  cluster_identifier      = "graph"
  backup_retention_period = 7
}
