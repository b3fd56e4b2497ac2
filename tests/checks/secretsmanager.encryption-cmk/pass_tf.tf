resource "aws_kms_key" "secrets" {
  description         = "Secrets"
  enable_key_rotation = true
}

resource "aws_kms_alias" "secrets" {
  name          = "alias/app-secrets"
  target_key_id = aws_kms_key.secrets.key_id
}

resource "aws_secretsmanager_secret" "db" { # expect: PASS "customer-managed key"
  name       = "orders-db"
  kms_key_id = aws_kms_key.secrets.arn
}

resource "aws_secretsmanager_secret" "shared" { # expect: PASS "customer-managed key"
  name_prefix = "shared-"
  kms_key_id  = aws_kms_alias.secrets.arn

  replica {
    region     = "eu-west-1"
    kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}
