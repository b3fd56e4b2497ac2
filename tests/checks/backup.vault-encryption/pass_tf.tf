resource "aws_kms_key" "backup" {
  description         = "Backup vault key"
  enable_key_rotation = true
}

resource "aws_backup_vault" "orders" { # expect: PASS "encrypted with aws_kms_key.backup"
  name        = "orders-backups"
  kms_key_arn = aws_kms_key.backup.arn
}

resource "aws_backup_vault" "invoices" { # expect: PASS "encrypted with arn:aws:kms:us-east-1:111122223333:key/"
  name        = "invoices-backups"
  kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
