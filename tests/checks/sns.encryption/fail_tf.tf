resource "aws_sns_topic" "orders" { # expect: FAIL "no KmsMasterKeyId"
  name = "orders"
}

resource "aws_sns_topic" "alerts" { # expect: FAIL "cannot be used by Alarm aws_cloudwatch_metric_alarm.errors"
  name              = "alerts"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name          = "orders-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}
