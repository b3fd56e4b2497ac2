resource "aws_docdb_cluster" "profiles" { # expect: PASS "deletion protection on"
  cluster_identifier          = "profiles"
  master_username             = "profiles"
  manage_master_user_password = true
  deletion_protection         = true
}
