resource "aws_lambda_function" "rotator" {
  function_name = "rotate-orders-db"
  runtime       = "python3.12"
  handler       = "rotate.handler"
  role          = "arn:aws:iam::123456789012:role/rotator"
  filename      = "rotator.zip"
}

resource "aws_secretsmanager_secret" "db" { # expect: PASS "rotated by aws_secretsmanager_secret_rotation.db every 30 days"
  name = "orders-db"
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = aws_lambda_function.rotator.arn

  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_secretsmanager_secret" "token" { # expect: PASS "on rate(7 days)"
  name = "partner-token"
}

resource "aws_secretsmanager_secret_rotation" "token" {
  secret_id           = aws_secretsmanager_secret.token.arn
  rotation_lambda_arn = aws_lambda_function.rotator.arn

  rotation_rules {
    schedule_expression = "rate(7 days)"
  }
}

# Provider v3 wrote the rotation on the secret itself.
resource "aws_secretsmanager_secret" "legacy" { # expect: PASS "rotated by aws_secretsmanager_secret.legacy/rotation every 60 days"
  name                = "legacy-service"
  rotation_lambda_arn = aws_lambda_function.rotator.arn

  rotation_rules {
    automatically_after_days = 60
  }
}
