resource "aws_db_instance" "orders" { # expect: FAIL "IAM database authentication off"
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
}
