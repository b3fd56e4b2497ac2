variable "retention_days" {
  type        = number
  description = "Log retention, per environment."
}

resource "aws_cloudwatch_log_group" "orders" { # expect: UNKNOWN "retention is not known"
  name              = "/app/orders"
  retention_in_days = var.retention_days
}
