resource "aws_sfn_state_machine" "orders" { # expect: FAIL "no CloudWatch alarm watches the state machine's failed executions"
  name     = "orders"
  role_arn = "arn:aws:iam::123456789012:role/orders-sfn"
  definition = jsonencode({
    StartAt = "Done"
    States  = { Done = { Type = "Succeed" } }
  })
}
