# A table without point-in-time recovery, a bucket without versioning, and a backup plan
# whose selection names neither.

resource "aws_dynamodb_table" "carts" { # expect: FAIL "no point-in-time recovery, and no AWS Backup selection in this stack covers it"
  name         = "carts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }
}

resource "aws_s3_bucket" "uploads" { # expect: FAIL "no versioning, and no AWS Backup selection"
  bucket = "example-uploads"
}

resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"
  }
}

resource "aws_backup_selection" "tagged" {
  name         = "tagged-daily"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "backup"
    value = "daily"
  }
}
