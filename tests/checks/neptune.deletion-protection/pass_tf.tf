resource "aws_neptune_cluster" "graph" { # expect: PASS "deletion protection on"
  cluster_identifier  = "graph"
  deletion_protection = true
}
