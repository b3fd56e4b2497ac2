# S3 notifications and a custom AWS Config rule invoke their functions asynchronously.

resource "aws_s3_bucket" "invoices" {
  bucket = "example-invoices"
}

resource "aws_lambda_function" "ocr" { # expect: FAIL "invoked asynchronously by S3 bucket aws_s3_bucket.invoices"
  function_name = "invoice-ocr"
  runtime       = "python3.12"
  handler       = "ocr.handler"
  role          = "arn:aws:iam::123456789012:role/ocr"
  filename      = "ocr.zip"
}

resource "aws_lambda_permission" "ocr_from_s3" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.ocr.function_name
  principal     = "s3.amazonaws.com"
  source_arn    = aws_s3_bucket.invoices.arn
}

resource "aws_s3_bucket_notification" "invoices" {
  bucket = aws_s3_bucket.invoices.id

  lambda_function {
    lambda_function_arn = aws_lambda_function.ocr.arn
    events              = ["s3:ObjectCreated:Put", "s3:ObjectCreated:CompleteMultipartUpload"]
    filter_prefix       = "incoming/"
    filter_suffix       = ".pdf"
  }

  eventbridge = true

  depends_on = [aws_lambda_permission.ocr_from_s3]
}

resource "aws_lambda_function" "tag_audit" { # expect: FAIL "AWS Config rule aws_config_config_rule.required_tags"
  function_name = "tag-audit"
  runtime       = "python3.12"
  handler       = "audit.handler"
  role          = "arn:aws:iam::123456789012:role/tag-audit"
  filename      = "tag-audit.zip"
}

resource "aws_config_config_rule" "required_tags" {
  name = "required-tags"

  source {
    owner             = "CUSTOM_LAMBDA"
    source_identifier = aws_lambda_function.tag_audit.arn

    source_detail {
      message_type = "ConfigurationItemChangeNotification"
    }
  }

  scope {
    compliance_resource_types = ["AWS::S3::Bucket", "AWS::DynamoDB::Table"]
  }

  input_parameters = jsonencode({ tag1Key = "owner" })
}
