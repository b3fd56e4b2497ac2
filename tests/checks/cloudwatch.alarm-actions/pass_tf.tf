resource "aws_sns_topic" "oncall" {
  name = "oncall"
}

resource "aws_sns_topic_subscription" "oncall_email" {
  topic_arn = aws_sns_topic.oncall.arn
  protocol  = "email"
  endpoint  = "oncall@example.com"
}

resource "aws_cloudwatch_metric_alarm" "errors" { # expect: PASS "acts through SNS topic aws_sns_topic.oncall"
  alarm_name          = "orders-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  dimensions = {
    FunctionName = "orders"
  }
  alarm_actions = [aws_sns_topic.oncall.arn]
}

# No actions of its own: the composite alarm over it notifies.
resource "aws_cloudwatch_metric_alarm" "latency" { # expect: PASS "notifies through composite alarm aws_cloudwatch_composite_alarm.orders_degraded"
  alarm_name          = "orders-latency"
  namespace           = "AWS/Lambda"
  metric_name         = "Duration"
  extended_statistic  = "p99"
  period              = 60
  evaluation_periods  = 5
  threshold           = 2000
  comparison_operator = "GreaterThanThreshold"
  dimensions = {
    FunctionName = "orders"
  }
}

resource "aws_cloudwatch_composite_alarm" "orders_degraded" { # expect: PASS "acts through SNS topic aws_sns_topic.oncall"
  alarm_name    = "orders-degraded"
  alarm_rule    = "ALARM(${aws_cloudwatch_metric_alarm.latency.alarm_name}) OR ALARM(${aws_cloudwatch_metric_alarm.errors.alarm_name})"
  alarm_actions = [aws_sns_topic.oncall.arn]
}
