variable "tracing_mode" {
  type        = string
  description = "X-Ray tracing mode, chosen per environment."
}

resource "aws_lambda_function" "orders" { # expect: UNKNOWN "the tracing mode is not known"
  function_name = "orders"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/orders"
  filename      = "orders.zip"

  tracing_config {
    mode = var.tracing_mode
  }
}
