variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "db_password" { # expect: PASS
  name  = "/orders/db/password"
  type  = "SecureString"
  value = var.db_password
}

resource "aws_secretsmanager_secret" "api" { # expect: PASS
  name = "partner-api"
}
