resource "aws_lambda_function" "api" { # expect: PASS "reserved concurrency is 50"
  function_name                  = "orders-api"
  runtime                        = "python3.12"
  handler                        = "app.handler"
  role                           = "arn:aws:iam::123456789012:role/orders-api"
  filename                       = "api.zip"
  reserved_concurrent_executions = 50
}

# Zero reserved concurrency switches the function off: a deliberate limit all the same.
resource "aws_lambda_function" "paused" { # expect: PASS "reserved concurrency is 0"
  function_name                  = "paused-import"
  runtime                        = "python3.12"
  handler                        = "import.handler"
  role                           = "arn:aws:iam::123456789012:role/import"
  filename                       = "import.zip"
  reserved_concurrent_executions = 0
}
