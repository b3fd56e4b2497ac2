# skip_final_snapshot = true: destroying or replacing these deletes their data for good.

resource "aws_db_instance" "orders" { # expect: FAIL "DeletionPolicy Delete"
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
  skip_final_snapshot         = true
}

resource "aws_docdb_cluster" "profiles" { # expect: FAIL "UpdateReplacePolicy Delete"
  cluster_identifier          = "profiles"
  master_username             = "profiles"
  manage_master_user_password = true
  skip_final_snapshot         = true
}

resource "aws_efs_file_system" "shared" { # expect: FAIL "the data is deleted"
  creation_token = "shared"
  encrypted      = true
}
