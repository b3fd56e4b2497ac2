# A month of point-in-time restore on an instance and on an Aurora cluster.

resource "aws_db_instance" "ledger" { # expect: PASS "kept 35 days"
  identifier                  = "ledger"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "ledger"
  manage_master_user_password = true
  backup_retention_period     = 35
}

resource "aws_rds_cluster" "accounts" { # expect: PASS "kept 30 days"
  cluster_identifier          = "accounts"
  engine                      = "aurora-postgresql"
  master_username             = "accounts"
  manage_master_user_password = true
  backup_retention_period     = 30
}
