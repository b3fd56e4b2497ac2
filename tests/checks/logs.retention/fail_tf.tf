resource "aws_cloudwatch_log_group" "orders" { # expect: FAIL "no retention period"
  name = "/app/orders"
}

# 0 is Terraform's "never expire".
resource "aws_cloudwatch_log_group" "billing" { # expect: FAIL "no retention period"
  name              = "/app/billing"
  retention_in_days = 0
}

resource "aws_cloudwatch_log_group" "audit" { # expect: FAIL "keeps logs 30 days"
  name              = "/app/audit"
  retention_in_days = 30
}
