resource "aws_db_instance" "orders" { # expect: FAIL "DeletionProtection is not set"
  identifier                  = "orders"
  engine                      = "mysql"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
}

resource "aws_rds_cluster" "sessions" { # expect: FAIL "DeletionProtection is false"
  cluster_identifier          = "sessions"
  engine                      = "aurora-mysql"
  master_username             = "sessions"
  manage_master_user_password = true
  deletion_protection         = false
}
