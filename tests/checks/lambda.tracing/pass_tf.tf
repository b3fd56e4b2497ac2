resource "aws_lambda_function" "orders" { # expect: PASS "active X-Ray tracing"
  function_name = "orders"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/orders"
  filename      = "orders.zip"

  tracing_config {
    mode = "Active"
  }
}
