resource "aws_db_instance" "orders" { # expect: FAIL "no logs exported"
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
}

resource "aws_rds_cluster" "shop" { # expect: FAIL "but not error"
  cluster_identifier              = "shop"
  engine                          = "aurora-mysql"
  master_username                 = "shop"
  manage_master_user_password     = true
  enabled_cloudwatch_logs_exports = ["slowquery"]
}
