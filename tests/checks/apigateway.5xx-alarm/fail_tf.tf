resource "aws_apigatewayv2_api" "catalog" { # expect: FAIL "no CloudWatch alarm watches the API's 5XX errors"
  name          = "catalog"
  protocol_type = "HTTP"
}

resource "aws_api_gateway_rest_api" "orders" { # expect: FAIL "no CloudWatch alarm watches the API's 5XX errors"
  name = "orders-api"
}

# Latency, not errors.
resource "aws_cloudwatch_metric_alarm" "orders_latency" {
  alarm_name          = "orders-latency"
  namespace           = "AWS/ApiGateway"
  metric_name         = "Latency"
  extended_statistic  = "p99"
  period              = 60
  evaluation_periods  = 5
  threshold           = 1000
  comparison_operator = "GreaterThanThreshold"
  dimensions = {
    ApiName = "orders-api"
  }
}
