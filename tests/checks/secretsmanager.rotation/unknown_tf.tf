variable "rotated_secret_arn" {
  type        = string
  description = "Secret created by another configuration; no default."
}

resource "aws_secretsmanager_secret" "api_credentials" { # expect: UNKNOWN "names a secret known only at deployment"
  name = "api-credentials"
}

resource "aws_secretsmanager_secret_rotation" "external" {
  secret_id           = var.rotated_secret_arn
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:rotate"

  rotation_rules {
    automatically_after_days = 30
  }
}
