# 5XX responses of an ALB watched through the alarm dimension Terraform users write:
# aws_lb.x.arn_suffix (CloudFormation's LoadBalancerFullName).
resource "aws_lb" "web" { # expect: PASS "5XX responses watched by alarm aws_cloudwatch_metric_alarm.web_5xx"
  load_balancer_type = "application"
  subnets            = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

resource "aws_cloudwatch_metric_alarm" "web_5xx" {
  alarm_name          = "web-5xx"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:alerts"]
  dimensions = {
    LoadBalancer = aws_lb.web.arn_suffix
  }
}
