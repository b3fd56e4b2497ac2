variable "protected_arns" {
  type        = list(string)
  description = "ARNs to back up; no default."
}

resource "aws_dynamodb_table" "carts" { # expect: UNKNOWN "the selection's resources are known only after apply"
  name         = "carts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = "main"
    schedule          = "cron(0 3 * * ? *)"
  }
}

resource "aws_backup_selection" "listed" {
  name         = "listed"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
  resources    = var.protected_arns
}
