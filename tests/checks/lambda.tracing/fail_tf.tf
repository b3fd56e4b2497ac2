resource "aws_lambda_function" "orders" { # expect: FAIL "no active tracing"
  function_name = "orders"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/orders"
  filename      = "orders.zip"
}

resource "aws_lambda_function" "billing" { # expect: FAIL "TracingConfig PassThrough"
  function_name = "billing"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/billing"
  filename      = "billing.zip"

  tracing_config {
    mode = "PassThrough"
  }
}
