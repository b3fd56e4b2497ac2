resource "aws_lambda_function" "webhook" {
  function_name = "webhook"
  runtime       = "python3.12"
  handler       = "hook.handler"
  role          = "arn:aws:iam::123456789012:role/webhook"
  filename      = "webhook.zip"
}

resource "aws_lambda_function_url" "webhook" { # expect: FAIL "AuthType NONE"
  function_name      = aws_lambda_function.webhook.function_name
  authorization_type = "NONE"

  cors {
    allow_origins = ["https://example.com"]
    allow_methods = ["POST"]
  }
}
