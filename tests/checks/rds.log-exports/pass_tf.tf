resource "aws_db_instance" "orders" { # expect: PASS "exports postgresql, upgrade"
  identifier                      = "orders"
  engine                          = "postgres"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 100
  username                        = "orders"
  manage_master_user_password     = true
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
}
