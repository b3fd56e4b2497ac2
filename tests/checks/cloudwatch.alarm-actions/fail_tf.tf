resource "aws_cloudwatch_metric_alarm" "errors" { # expect: FAIL "no AlarmActions"
  alarm_name          = "orders-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
}

resource "aws_sns_topic" "nobody" {
  name = "unsubscribed-alerts"
}

resource "aws_cloudwatch_metric_alarm" "throttles" { # expect: FAIL "which nothing in this stack subscribes to"
  alarm_name          = "orders-throttles"
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [aws_sns_topic.nobody.arn]
}

resource "aws_cloudwatch_metric_alarm" "muted" { # expect: FAIL "ActionsEnabled is false"
  alarm_name          = "orders-muted"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  actions_enabled     = false
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:oncall"]
}
