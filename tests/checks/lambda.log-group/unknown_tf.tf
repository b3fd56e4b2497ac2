variable "log_group_name" {
  type        = string
  description = "Log group the platform team assigns."
}

resource "aws_cloudwatch_log_group" "assigned" {
  name              = var.log_group_name
  retention_in_days = 90
}

resource "aws_lambda_function" "orders" { # expect: UNKNOWN "may be the function's"
  function_name = "orders"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/orders"
  filename      = "orders.zip"
}
