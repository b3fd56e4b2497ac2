resource "aws_lambda_function" "orders" { # expect: PASS "errors watched by alarm aws_cloudwatch_metric_alarm.orders_errors"
  function_name = "orders"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/orders"
  filename      = "orders.zip"
}

resource "aws_cloudwatch_metric_alarm" "orders_errors" {
  alarm_name          = "orders-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  dimensions = {
    FunctionName = aws_lambda_function.orders.function_name
  }
  alarm_actions = ["arn:aws:sns:us-east-1:123456789012:oncall"]
}

resource "aws_lambda_function" "billing" { # expect: PASS "errors watched by alarm aws_cloudwatch_metric_alarm.billing_error_rate"
  function_name = "billing"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/billing"
  filename      = "billing.zip"
}

# An error rate: metric math over Errors and Invocations.
resource "aws_cloudwatch_metric_alarm" "billing_error_rate" {
  alarm_name          = "billing-error-rate"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 3
  threshold           = 5
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:oncall"]

  metric_query {
    id          = "rate"
    expression  = "100 * errors / invocations"
    label       = "Error rate (%)"
    return_data = true
  }

  metric_query {
    id = "errors"
    metric {
      namespace   = "AWS/Lambda"
      metric_name = "Errors"
      period      = 60
      stat        = "Sum"
      dimensions = {
        FunctionName = aws_lambda_function.billing.function_name
      }
    }
  }

  metric_query {
    id = "invocations"
    metric {
      namespace   = "AWS/Lambda"
      metric_name = "Invocations"
      period      = 60
      stat        = "Sum"
      dimensions = {
        FunctionName = aws_lambda_function.billing.function_name
      }
    }
  }
}
