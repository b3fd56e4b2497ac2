resource "aws_sns_topic" "orders" {
  name = "orders"
}

resource "aws_sns_topic_subscription" "notifier" {
  topic_arn = aws_sns_topic.orders.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.notifier.arn
}

resource "aws_lambda_function" "notifier" { # expect: FAIL "leaves MaximumEventAgeInSeconds at the default"
  function_name = "order-notifier"
  runtime       = "python3.12"
  handler       = "notify.handler"
  role          = "arn:aws:iam::123456789012:role/notifier"
  filename      = "notifier.zip"
}

resource "aws_lambda_function_event_invoke_config" "notifier" {
  function_name          = aws_lambda_function.notifier.function_name
  maximum_retry_attempts = 0
}
