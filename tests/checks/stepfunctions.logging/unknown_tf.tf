variable "log_level" {
  type        = string
  description = "Execution log level, per environment."
}

resource "aws_sfn_state_machine" "orders" { # expect: UNKNOWN "the log level is not known"
  name     = "orders"
  role_arn = "arn:aws:iam::123456789012:role/orders-sfn"
  definition = jsonencode({
    StartAt = "Done"
    States  = { Done = { Type = "Succeed" } }
  })

  logging_configuration {
    log_destination = "arn:aws:logs:us-east-1:123456789012:log-group:/states/orders:*"
    level           = var.log_level
  }
}
