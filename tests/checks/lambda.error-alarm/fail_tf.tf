resource "aws_lambda_function" "orders" { # expect: FAIL "no CloudWatch alarm watches the function's Errors metric"
  function_name = "orders"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/orders"
  filename      = "orders.zip"
}

# Throttles, not errors.
resource "aws_cloudwatch_metric_alarm" "orders_throttles" {
  alarm_name          = "orders-throttles"
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  dimensions = {
    FunctionName = aws_lambda_function.orders.function_name
  }
}
