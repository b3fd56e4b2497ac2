# Asynchronously invoked functions whose failed events are kept: a dead-letter queue on the
# function, and an on-failure destination in its asynchronous invocation settings.

resource "aws_sqs_queue" "thumbnail_dlq" {
  name = "thumbnail-dlq"
}

resource "aws_s3_bucket" "uploads" {
  bucket = "example-uploads-bucket"
}

resource "aws_lambda_permission" "thumbnail_from_s3" {
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.thumbnail.function_name
  principal      = "s3.amazonaws.com"
  source_arn     = aws_s3_bucket.uploads.arn
  source_account = "123456789012"
}

resource "aws_lambda_function" "thumbnail" { # expect: PASS "failures go to a dead-letter queue"
  function_name = "thumbnail"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/thumbnail"
  filename      = "thumbnail.zip"

  dead_letter_config {
    target_arn = aws_sqs_queue.thumbnail_dlq.arn
  }
}

resource "aws_sns_topic" "ledger_failures" {
  name = "ledger-failures"
}

resource "aws_cloudwatch_event_rule" "invoice_paid" {
  name          = "invoice-paid"
  event_pattern = <<-EOT
    {
      "source": ["billing.service"],
      "detail-type": ["InvoicePaid"]
    }
  EOT
}

resource "aws_cloudwatch_event_target" "ledger" {
  rule = aws_cloudwatch_event_rule.invoice_paid.name
  arn  = aws_lambda_alias.ledger_live.arn
}

resource "aws_lambda_function" "ledger" { # expect: PASS "on-failure destination (EventInvokeConfig aws_lambda_function_event_invoke_config.ledger)"
  function_name = "ledger"
  runtime       = "python3.12"
  handler       = "ledger.handler"
  role          = "arn:aws:iam::123456789012:role/ledger"
  filename      = "ledger.zip"
  publish       = true
}

resource "aws_lambda_alias" "ledger_live" {
  name             = "live"
  function_name    = aws_lambda_function.ledger.function_name
  function_version = aws_lambda_function.ledger.version
}

resource "aws_lambda_function_event_invoke_config" "ledger" {
  function_name                = aws_lambda_function.ledger.function_name
  qualifier                    = aws_lambda_alias.ledger_live.name
  maximum_retry_attempts       = 1
  maximum_event_age_in_seconds = 3600

  destination_config {
    on_failure {
      destination = aws_sns_topic.ledger_failures.arn
    }
  }
}
