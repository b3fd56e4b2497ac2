# Backups turned off, and the default retention of one day.

resource "aws_db_instance" "scratch" { # expect: FAIL "automated backups are off"
  identifier                  = "scratch"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  backup_retention_period     = 0
}

resource "aws_db_instance" "defaults" { # expect: FAIL "kept 1 day"
  identifier                  = "defaults"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
}
