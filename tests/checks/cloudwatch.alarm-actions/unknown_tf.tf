variable "alert_topics" {
  type        = list(string)
  description = "Topics of the operations team."
}

resource "aws_cloudwatch_metric_alarm" "errors" { # expect: UNKNOWN "the alarm actions are not known"
  alarm_name          = "orders-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = var.alert_topics
}
