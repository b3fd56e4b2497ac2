resource "aws_neptune_cluster" "graph" { # expect: PASS "kept 30 days"
  cluster_identifier      = "graph"
  backup_retention_period = 30
}
