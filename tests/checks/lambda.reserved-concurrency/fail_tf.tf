resource "aws_lambda_function" "api" { # expect: FAIL "no reserved concurrency"
  function_name = "orders-api"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/orders-api"
  filename      = "api.zip"
}

# -1 is the provider's way of saying "no reservation" (and what a plan shows when unset).
resource "aws_lambda_function" "reports" { # expect: FAIL "no reserved concurrency"
  function_name                  = "reports"
  runtime                        = "python3.12"
  handler                        = "reports.handler"
  role                           = "arn:aws:iam::123456789012:role/reports"
  filename                       = "reports.zip"
  reserved_concurrent_executions = -1
}
