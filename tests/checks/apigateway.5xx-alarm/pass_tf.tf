resource "aws_apigatewayv2_api" "catalog" { # expect: PASS "server errors (5XX) watched by alarm aws_cloudwatch_metric_alarm.catalog_5xx"
  name          = "catalog"
  protocol_type = "HTTP"
}

resource "aws_cloudwatch_metric_alarm" "catalog_5xx" {
  alarm_name          = "catalog-5xx"
  namespace           = "AWS/ApiGateway"
  metric_name         = "5xx"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 5
  comparison_operator = "GreaterThanThreshold"
  dimensions = {
    ApiId = aws_apigatewayv2_api.catalog.id
  }
  alarm_actions = ["arn:aws:sns:us-east-1:123456789012:oncall"]
}

resource "aws_api_gateway_rest_api" "orders" { # expect: PASS "server errors (5XX) watched by alarm aws_cloudwatch_metric_alarm.orders_5xx"
  name = "orders-api"
}

# REST APIs report by ApiName, the API's name, written as a reference to it.
resource "aws_cloudwatch_metric_alarm" "orders_5xx" {
  alarm_name          = "orders-5xx"
  namespace           = "AWS/ApiGateway"
  metric_name         = "5XXError"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 5
  comparison_operator = "GreaterThanThreshold"
  dimensions = {
    ApiName = aws_api_gateway_rest_api.orders.name
  }
  alarm_actions = ["arn:aws:sns:us-east-1:123456789012:oncall"]
}
