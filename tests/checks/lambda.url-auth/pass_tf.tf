resource "aws_lambda_function" "report" {
  function_name = "report"
  runtime       = "python3.12"
  handler       = "report.handler"
  role          = "arn:aws:iam::123456789012:role/report"
  filename      = "report.zip"
}

resource "aws_lambda_function_url" "report" { # expect: PASS "AuthType AWS_IAM"
  function_name      = aws_lambda_function.report.function_name
  authorization_type = "AWS_IAM"
  invoke_mode        = "RESPONSE_STREAM"
}
