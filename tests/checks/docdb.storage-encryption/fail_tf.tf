resource "aws_docdb_cluster" "profiles" { # expect: FAIL "StorageEncrypted is not set"
  cluster_identifier          = "profiles"
  master_username             = "profiles"
  manage_master_user_password = true
}
