resource "aws_lambda_function" "orders" { # expect: FAIL "no log group /aws/lambda/<function name> in the stack"
  function_name = "orders"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/orders"
  filename      = "orders.zip"
}

# A group for another function's name is not this one's.
resource "aws_cloudwatch_log_group" "old_orders" {
  name              = "/aws/lambda/orders-v1"
  retention_in_days = 90
}
