resource "aws_lambda_function" "thumbnail" {
  function_name = "thumbnail"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/thumbnail"
  filename      = "thumbnail.zip"
}

resource "aws_lambda_permission" "from_s3" { # expect: FAIL "add SourceArn"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.thumbnail.function_name
  principal     = "s3.amazonaws.com"
}

resource "aws_lambda_permission" "anyone" { # expect: FAIL "any AWS account can invoke the function"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.thumbnail.function_name
  principal     = "*"
}
