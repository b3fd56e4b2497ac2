# A MySQL instance that never sets storage_encrypted and an Aurora cluster that turns it off.

resource "aws_db_instance" "legacy" { # expect: FAIL "StorageEncrypted is not set"
  identifier          = "legacy-mysql"
  engine              = "mysql"
  engine_version      = "8.0"
  instance_class      = "db.m6g.large"
  allocated_storage   = 100
  username            = "admin"
  password            = "change-me-please"
  skip_final_snapshot = true
}

resource "aws_rds_cluster" "reports" { # expect: FAIL "StorageEncrypted is false"
  cluster_identifier          = "reports"
  engine                      = "aurora-postgresql"
  master_username             = "reports"
  manage_master_user_password = true
  storage_encrypted           = false
}
