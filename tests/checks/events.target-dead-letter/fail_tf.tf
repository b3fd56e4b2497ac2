resource "aws_cloudwatch_event_rule" "invoice_paid" { # expect: FAIL "target ledger (aws_lambda_function.ledger) without DeadLetterConfig or RetryPolicy"
  name = "invoice-paid"
  event_pattern = jsonencode({
    source      = ["billing.service"]
    detail-type = ["InvoicePaid"]
  })
}

resource "aws_cloudwatch_event_target" "ledger" {
  rule      = aws_cloudwatch_event_rule.invoice_paid.name
  target_id = "ledger"
  arn       = aws_lambda_function.ledger.arn
}

resource "aws_lambda_function" "ledger" {
  function_name = "ledger"
  runtime       = "python3.12"
  handler       = "ledger.handler"
  role          = "arn:aws:iam::123456789012:role/ledger"
  filename      = "ledger.zip"
}

# A retry policy alone: events that exhaust it are still dropped. The target names its rule
# by the rule's name, written out.
resource "aws_cloudwatch_event_rule" "nightly" { # expect: FAIL "without DeadLetterConfig"
  name                = "nightly-export"
  schedule_expression = "cron(0 2 * * ? *)"
}

resource "aws_cloudwatch_event_target" "export" {
  rule      = "nightly-export"
  target_id = "export"
  arn       = "arn:aws:states:us-east-1:123456789012:stateMachine:export"
  role_arn  = "arn:aws:iam::123456789012:role/events-export"

  retry_policy {
    maximum_retry_attempts       = 10
    maximum_event_age_in_seconds = 3600
  }
}
