# Encryption from a variable nobody set, and a restore from a snapshot outside the
# configuration.

variable "encrypt" {
  type = bool
}

resource "aws_db_instance" "configurable" { # expect: UNKNOWN "StorageEncrypted is not known"
  identifier                  = "configurable"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 50
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = var.encrypt
}

resource "aws_db_instance" "restored" { # expect: UNKNOWN "restored through DBSnapshotIdentifier"
  identifier          = "restored"
  snapshot_identifier = "orders-before-migration"
  instance_class      = "db.m6g.large"
}
