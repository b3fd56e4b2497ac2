resource "aws_sfn_state_machine" "orders" { # expect: FAIL "no X-Ray tracing"
  name     = "orders"
  role_arn = "arn:aws:iam::123456789012:role/orders-sfn"
  definition = jsonencode({
    StartAt = "Done"
    States  = { Done = { Type = "Succeed" } }
  })

  tracing_configuration {
    enabled = false
  }
}
