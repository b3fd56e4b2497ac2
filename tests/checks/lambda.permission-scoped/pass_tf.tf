resource "aws_lambda_function" "thumbnail" {
  function_name = "thumbnail"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/thumbnail"
  filename      = "thumbnail.zip"
}

resource "aws_lambda_permission" "from_s3" { # expect: PASS "limited by SourceArn, SourceAccount"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.thumbnail.function_name
  principal      = "s3.amazonaws.com"
  source_arn     = "arn:aws:s3:::example-uploads-bucket"
  source_account = "123456789012"
}

resource "aws_lambda_permission" "partner" { # expect: PASS "granted to 210987654321 only"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.thumbnail.function_name
  principal     = "210987654321"
}

resource "aws_lambda_permission" "org" { # expect: PASS "limited by PrincipalOrgID"
  action           = "lambda:InvokeFunction"
  function_name    = aws_lambda_function.thumbnail.function_name
  principal        = "*"
  principal_org_id = "o-a1b2c3d4e5"
}
