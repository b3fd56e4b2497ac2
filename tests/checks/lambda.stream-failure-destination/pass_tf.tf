resource "aws_sqs_queue" "clicks_failures" {
  name = "clicks-failures"
}

resource "aws_lambda_function" "clicks" {
  function_name = "clicks"
  runtime       = "python3.12"
  handler       = "clicks.handler"
  role          = "arn:aws:iam::123456789012:role/clicks"
  filename      = "clicks.zip"
}

resource "aws_lambda_event_source_mapping" "clicks" { # expect: PASS "go to an on-failure destination after 3 retries"
  event_source_arn               = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks"
  function_name                  = aws_lambda_function.clicks.arn
  starting_position              = "TRIM_HORIZON"
  maximum_retry_attempts         = 3
  maximum_record_age_in_seconds  = 3600
  bisect_batch_on_function_error = true
  function_response_types        = ["ReportBatchItemFailures"]

  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.clicks_failures.arn
    }
  }
}
