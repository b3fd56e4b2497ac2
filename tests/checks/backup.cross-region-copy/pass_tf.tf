resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_plan" "daily" { # expect: PASS "rule daily copies recovery points to us-west-2"
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"

    copy_action {
      destination_vault_arn = "arn:aws:backup:us-west-2:123456789012:backup-vault:disaster-recovery"

      lifecycle {
        delete_after = 90
      }
    }
  }
}
