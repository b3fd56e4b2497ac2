resource "aws_cloudwatch_log_group" "orders" { # expect: FAIL "no KMS key"
  name              = "/app/orders"
  retention_in_days = 365
}
