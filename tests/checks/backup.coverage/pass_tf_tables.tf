resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"

    lifecycle {
      delete_after = 35
    }
  }
}

# Chosen by tag.
resource "aws_dynamodb_table" "orders" { # expect: PASS "covered by backup selection aws_backup_selection.tagged (plan aws_backup_plan.daily)"
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }

  tags = {
    backup = "daily"
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

# Chosen by ARN.
resource "aws_s3_bucket" "documents" { # expect: PASS "covered by backup selection aws_backup_selection.named"
  bucket = "example-documents"
}

resource "aws_dynamodb_table" "invoices" { # expect: PASS "covered by backup selection aws_backup_selection.named"
  name         = "invoices"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }
}

resource "aws_backup_selection" "named" {
  name         = "named"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
  resources    = [aws_s3_bucket.documents.arn, aws_dynamodb_table.invoices.arn]
}

# Its own feature is enough: point-in-time recovery.
resource "aws_dynamodb_table" "sessions" { # expect: PASS "point-in-time recovery on"
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }
}
