resource "aws_lambda_function" "clicks" {
  function_name = "clicks"
  runtime       = "python3.12"
  handler       = "clicks.handler"
  role          = "arn:aws:iam::123456789012:role/clicks"
  filename      = "clicks.zip"
}

resource "aws_lambda_event_source_mapping" "clicks" { # expect: FAIL "no on-failure destination"
  event_source_arn  = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks"
  function_name     = aws_lambda_function.clicks.arn
  starting_position = "LATEST"
}

resource "aws_lambda_event_source_mapping" "bisected" { # expect: FAIL "BisectBatchOnFunctionError isolates the bad record"
  event_source_arn               = "arn:aws:kinesis:us-east-1:123456789012:stream/views"
  function_name                  = aws_lambda_function.clicks.arn
  starting_position              = "LATEST"
  bisect_batch_on_function_error = true
  maximum_retry_attempts         = -1

  destination_config {
    on_failure {
      destination_arn = "arn:aws:sqs:us-east-1:123456789012:views-failures"
    }
  }
}
