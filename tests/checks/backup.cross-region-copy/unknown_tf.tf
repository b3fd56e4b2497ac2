variable "disaster_recovery_vault_arn" {
  type        = string
  description = "Vault in the recovery account; no default."
}

resource "aws_backup_plan" "daily" { # expect: UNKNOWN "rule daily: the destination vault is not known"
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = "main"
    schedule          = "cron(0 3 * * ? *)"

    copy_action {
      destination_vault_arn = var.disaster_recovery_vault_arn
    }
  }
}
