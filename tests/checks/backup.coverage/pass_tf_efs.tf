resource "aws_efs_file_system" "shared" { # expect: PASS "automatic backups on"
  creation_token = "shared"
  encrypted      = true
}

resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id

  backup_policy {
    status = "ENABLED"
  }
}

resource "aws_db_instance" "orders" { # expect: PASS "automated backups kept 35 days"
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
  backup_retention_period     = 35
}
