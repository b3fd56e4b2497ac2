resource "aws_apigatewayv2_api" "catalog" { # expect: PASS "latency watched by alarm aws_cloudwatch_metric_alarm.catalog_latency"
  name          = "catalog"
  protocol_type = "HTTP"
}

resource "aws_cloudwatch_metric_alarm" "catalog_latency" {
  alarm_name          = "catalog-latency"
  namespace           = "AWS/ApiGateway"
  metric_name         = "IntegrationLatency"
  extended_statistic  = "p95"
  period              = 60
  evaluation_periods  = 5
  threshold           = 800
  comparison_operator = "GreaterThanThreshold"
  dimensions = {
    ApiId = aws_apigatewayv2_api.catalog.id
    Stage = "$default"
  }
  alarm_actions = ["arn:aws:sns:us-east-1:123456789012:oncall"]
}
