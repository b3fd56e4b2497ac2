resource "aws_db_instance" "orders" { # expect: FAIL "Enhanced Monitoring off"
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
  monitoring_interval         = 0
}

resource "aws_db_instance" "no_role" { # expect: FAIL "no MonitoringRoleArn"
  identifier                  = "no-role"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
  monitoring_interval         = 60
}
