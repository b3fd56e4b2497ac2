resource "aws_neptune_cluster" "graph" { # expect: FAIL "StorageEncrypted is false"
  cluster_identifier  = "graph"
  storage_encrypted   = false
  skip_final_snapshot = true
}
