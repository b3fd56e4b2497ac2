resource "aws_cloudwatch_log_group" "orders" { # expect: PASS "keeps logs 400 days"
  name_prefix       = "/app/orders-"
  retention_in_days = 400
}
