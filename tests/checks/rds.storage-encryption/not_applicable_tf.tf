# A read replica is encrypted exactly when its source is.

resource "aws_db_instance" "primary" { # expect: PASS
  identifier                  = "primary"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 50
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 7
}

resource "aws_db_instance" "replica" { # expect: NOT_APPLICABLE "a read replica"
  identifier          = "primary-replica"
  replicate_source_db = aws_db_instance.primary.identifier
  instance_class      = "db.m6g.large"
  skip_final_snapshot = true
}
