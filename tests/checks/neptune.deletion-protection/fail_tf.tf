resource "aws_neptune_cluster" "graph" { # expect: FAIL "DeletionProtection is not set"
  cluster_identifier = "graph"
}
