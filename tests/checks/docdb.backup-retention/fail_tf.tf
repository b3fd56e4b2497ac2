resource "aws_docdb_cluster" "profiles" { # expect: FAIL "kept 1 day (the default)"
  cluster_identifier          = "profiles"
  master_username             = "profiles"
  manage_master_user_password = true
}
