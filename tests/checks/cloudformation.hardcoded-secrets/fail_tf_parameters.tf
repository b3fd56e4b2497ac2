# Secret values written into the configuration: Terraform keeps them in its state as well.

resource "aws_ssm_parameter" "db_password" { # expect: FAIL "is a literal value"
  name  = "/orders/db/password"
  type  = "SecureString"
  value = "Sup3r-s3cret-passw0rd"
}

resource "aws_secretsmanager_secret" "api" { # expect: FAIL "secrets written in the template"
  name = "partner-api"
}

resource "aws_secretsmanager_secret_version" "api" {
  secret_id = aws_secretsmanager_secret.api.id
  secret_string = jsonencode({
    username = "orders"
    password = "hunter2-but-longer"
  })
}

resource "aws_ssm_parameter" "log_level" { # expect: PASS "no literal secret"
  name  = "/orders/log-level"
  type  = "String"
  value = "INFO"
}
