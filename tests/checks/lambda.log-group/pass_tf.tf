# The group Lambda writes to, declared under the function's name, or named explicitly.

resource "aws_lambda_function" "orders" { # expect: PASS "declared as /aws/lambda/<function name>"
  function_name = "orders"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/orders"
  filename      = "orders.zip"
}

resource "aws_cloudwatch_log_group" "orders" {
  name              = "/aws/lambda/${aws_lambda_function.orders.function_name}"
  retention_in_days = 90
}

locals {
  billing_name = "billing"
}

resource "aws_lambda_function" "billing" { # expect: PASS "declared as /aws/lambda/<function name>"
  function_name = local.billing_name
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/billing"
  filename      = "billing.zip"
}

resource "aws_cloudwatch_log_group" "billing" {
  name              = "/aws/lambda/${local.billing_name}"
  retention_in_days = 90
}

resource "aws_cloudwatch_log_group" "shared" {
  name              = "/app/shared-functions"
  retention_in_days = 90
}

resource "aws_lambda_function" "audit" { # expect: PASS "logs to aws_cloudwatch_log_group.shared (LoggingConfig.LogGroup)"
  function_name = "audit"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/audit"
  filename      = "audit.zip"

  logging_config {
    log_format = "JSON"
    log_group  = aws_cloudwatch_log_group.shared.name
  }
}
