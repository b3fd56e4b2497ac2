variable "backup_key_arn" {
  type        = string
  description = "No default."
}

resource "aws_backup_vault" "orders" { # expect: UNKNOWN "the key is not known"
  name        = "orders-backups"
  kms_key_arn = var.backup_key_arn
}
