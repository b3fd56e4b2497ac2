resource "aws_sqs_queue" "events_dlq" {
  name = "events-dlq"
}

resource "aws_cloudwatch_event_rule" "invoice_paid" { # expect: PASS "all 2 targets have a dead-letter queue and a retry policy"
  name = "invoice-paid"
  event_pattern = jsonencode({
    source = ["billing.service"]
  })
}

resource "aws_cloudwatch_event_target" "ledger" {
  rule      = aws_cloudwatch_event_rule.invoice_paid.name
  target_id = "ledger"
  arn       = aws_lambda_function.ledger.arn

  dead_letter_config {
    arn = aws_sqs_queue.events_dlq.arn
  }

  retry_policy {
    maximum_retry_attempts       = 4
    maximum_event_age_in_seconds = 3600
  }
}

resource "aws_cloudwatch_event_target" "fulfilment" {
  rule      = aws_cloudwatch_event_rule.invoice_paid.name
  target_id = "fulfilment"
  arn       = "arn:aws:sqs:us-east-1:123456789012:fulfilment"

  sqs_target {
    message_group_id = "invoices"
  }

  dead_letter_config {
    arn = aws_sqs_queue.events_dlq.arn
  }

  retry_policy {
    maximum_retry_attempts       = 8
    maximum_event_age_in_seconds = 7200
  }
}

resource "aws_lambda_function" "ledger" {
  function_name = "ledger"
  runtime       = "python3.12"
  handler       = "ledger.handler"
  role          = "arn:aws:iam::123456789012:role/ledger"
  filename      = "ledger.zip"
}
