variable "secrets_key_arn" {
  type        = string
  description = "No default."
}

resource "aws_secretsmanager_secret" "db" { # expect: UNKNOWN "the key is not known"
  name       = "orders-db"
  kms_key_id = var.secrets_key_arn
}
