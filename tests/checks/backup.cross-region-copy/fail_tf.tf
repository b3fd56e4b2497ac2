resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_vault" "second" {
  name = "second"
}

resource "aws_backup_plan" "daily" { # expect: FAIL "no rule copies recovery points to another region or account"
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"
  }
}

# A copy, but to a vault of the same configuration, region and account.
resource "aws_backup_plan" "weekly" { # expect: FAIL "rule weekly copies only within this region and account"
  name = "weekly"

  rule {
    rule_name         = "weekly"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 4 ? * SUN *)"

    copy_action {
      destination_vault_arn = aws_backup_vault.second.arn
    }
  }
}
