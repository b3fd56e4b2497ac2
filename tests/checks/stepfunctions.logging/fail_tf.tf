resource "aws_sfn_state_machine" "orders" { # expect: FAIL "no execution logging"
  name     = "orders"
  role_arn = "arn:aws:iam::123456789012:role/orders-sfn"
  definition = jsonencode({
    StartAt = "Done"
    States  = { Done = { Type = "Succeed" } }
  })
}

resource "aws_cloudwatch_log_group" "billing" {
  name              = "/aws/vendedlogs/states/billing"
  retention_in_days = 365
}

resource "aws_sfn_state_machine" "billing" { # expect: FAIL "Level FATAL records only executions that end in failure"
  name     = "billing"
  role_arn = "arn:aws:iam::123456789012:role/billing-sfn"
  type     = "EXPRESS"
  definition = jsonencode({
    StartAt = "Done"
    States  = { Done = { Type = "Succeed" } }
  })

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.billing.arn}:*"
    include_execution_data = false
    level                  = "FATAL"
  }
}
