resource "aws_docdb_cluster" "profiles" { # expect: PASS "kept 35 days"
  cluster_identifier          = "profiles"
  master_username             = "profiles"
  manage_master_user_password = true
  backup_retention_period     = 35
}
