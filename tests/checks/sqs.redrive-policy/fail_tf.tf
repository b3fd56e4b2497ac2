resource "aws_sqs_queue" "orders" { # expect: FAIL "read by event source mapping aws_lambda_event_source_mapping.orders with no redrive policy"
  name = "orders"
}

resource "aws_lambda_event_source_mapping" "orders" {
  event_source_arn = aws_sqs_queue.orders.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_function" "worker" {
  function_name = "order-worker"
  runtime       = "python3.12"
  handler       = "worker.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"
}

resource "aws_cloudwatch_event_rule" "invoice_paid" {
  name          = "invoice-paid"
  event_pattern = jsonencode({ source = ["billing.service"] })
}

resource "aws_cloudwatch_event_target" "invoices" {
  rule = aws_cloudwatch_event_rule.invoice_paid.name
  arn  = aws_sqs_queue.invoices.arn
}

resource "aws_sqs_queue" "invoices" { # expect: FAIL "receives work from EventBridge rule aws_cloudwatch_event_rule.invoice_paid"
  name = "invoices"
}
