resource "aws_cloudwatch_log_group" "orders" {
  name              = "/aws/vendedlogs/states/orders"
  retention_in_days = 365
}

resource "aws_sfn_state_machine" "orders" { # expect: PASS "logs ERROR events to CloudWatch Logs"
  name     = "orders"
  role_arn = "arn:aws:iam::123456789012:role/orders-sfn"
  definition = jsonencode({
    StartAt = "Done"
    States  = { Done = { Type = "Succeed" } }
  })

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.orders.arn}:*"
    include_execution_data = true
    level                  = "ERROR"
  }
}
