resource "aws_rds_cluster" "orders" { # expect: PASS "rotates it"
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "orders"
  manage_master_user_password = true
}
