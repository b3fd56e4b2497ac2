# A log_publishing_options block publishes unless it says enabled = false.

resource "aws_cloudwatch_log_group" "audit" {
  name              = "/aws/opensearch/logs/audit"
  retention_in_days = 365
}

resource "aws_opensearch_domain" "logs" { # expect: PASS "audit logs published"
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  advanced_security_options {
    enabled                        = true
    internal_user_database_enabled = false
    master_user_options {
      master_user_arn = "arn:aws:iam::111122223333:role/search-admin"
    }
  }

  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.audit.arn
  }
}
