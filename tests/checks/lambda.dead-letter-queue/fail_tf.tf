# Functions invoked asynchronously (an S3 notification, an SNS subscription, an EventBridge
# rule, a schedule, a log subscription), none of them keeping events that fail every retry.

resource "aws_s3_bucket" "uploads" {
  bucket = "example-uploads-bucket"
}

resource "aws_lambda_permission" "thumbnail_from_s3" {
  statement_id   = "AllowS3Invoke"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.thumbnail.function_name
  principal      = "s3.amazonaws.com"
  source_arn     = aws_s3_bucket.uploads.arn
  source_account = "123456789012"
}

resource "aws_s3_bucket_notification" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  lambda_function {
    lambda_function_arn = aws_lambda_function.thumbnail.arn
    events              = ["s3:ObjectCreated:*"]
  }

  depends_on = [aws_lambda_permission.thumbnail_from_s3]
}

resource "aws_lambda_function" "thumbnail" { # expect: FAIL "invoked asynchronously by S3 bucket"
  function_name = "thumbnail"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/thumbnail"
  s3_bucket     = "artifacts-bucket"
  s3_key        = "thumbnail.zip"
}

resource "aws_sns_topic" "orders" {
  name = "orders"
}

resource "aws_sns_topic_subscription" "notifier" {
  topic_arn = aws_sns_topic.orders.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.notifier.arn
}

resource "aws_lambda_function" "notifier" { # expect: FAIL "SNS subscription aws_sns_topic_subscription.notifier"
  function_name = "order-notifier"
  runtime       = "nodejs22.x"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/notifier"
  filename      = "notifier.zip"
}

resource "aws_cloudwatch_event_rule" "invoice_paid" {
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

resource "aws_lambda_function" "ledger" { # expect: FAIL "EventBridge rule aws_cloudwatch_event_rule.invoice_paid"
  function_name = "ledger"
  runtime       = "python3.12"
  handler       = "ledger.handler"
  role          = "arn:aws:iam::123456789012:role/ledger"
  filename      = "ledger.zip"
}

resource "aws_scheduler_schedule" "nightly_cleanup" {
  name                = "nightly-cleanup"
  schedule_expression = "cron(0 3 * * ? *)"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_function.cleanup.arn
    role_arn = "arn:aws:iam::123456789012:role/scheduler"
  }
}

resource "aws_lambda_function" "cleanup" { # expect: FAIL "EventBridge schedule aws_scheduler_schedule.nightly_cleanup"
  function_name = "cleanup"
  runtime       = "python3.12"
  handler       = "cleanup.handler"
  role          = "arn:aws:iam::123456789012:role/cleanup"
  filename      = "cleanup.zip"
}

resource "aws_cloudwatch_log_group" "audit" {
  name              = "/app/audit"
  retention_in_days = 365
}

resource "aws_cloudwatch_log_subscription_filter" "audit_forwarder" {
  name            = "forward-audit"
  log_group_name  = aws_cloudwatch_log_group.audit.name
  filter_pattern  = ""
  destination_arn = aws_lambda_function.forwarder.arn
}

resource "aws_lambda_function" "forwarder" { # expect: FAIL "CloudWatch Logs subscription aws_cloudwatch_log_subscription_filter.audit_forwarder"
  function_name = "audit-forwarder"
  runtime       = "python3.12"
  handler       = "forward.handler"
  role          = "arn:aws:iam::123456789012:role/forwarder"
  filename      = "forwarder.zip"
}
