variable "api_concurrency" {
  type        = number
  description = "Reserved concurrency of the API function, set per environment."
}

resource "aws_lambda_function" "api" { # expect: UNKNOWN "reserved concurrency is not known"
  function_name                  = "orders-api"
  runtime                        = "python3.12"
  handler                        = "app.handler"
  role                           = "arn:aws:iam::123456789012:role/orders-api"
  filename                       = "api.zip"
  reserved_concurrent_executions = var.api_concurrency
}
