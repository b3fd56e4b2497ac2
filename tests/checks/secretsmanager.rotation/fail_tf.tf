resource "aws_secretsmanager_secret" "api_credentials" { # expect: FAIL "no rotation schedule"
  name       = "api-credentials"
  kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_secretsmanager_secret" "db" { # expect: FAIL "rotated by aws_secretsmanager_secret_rotation.db every 365 days, less often than every 90 days"
  name = "orders-db"
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:rotate-orders-db"

  rotation_rules {
    automatically_after_days = 365
  }
}
