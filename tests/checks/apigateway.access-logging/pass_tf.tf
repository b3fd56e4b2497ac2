resource "aws_cloudwatch_log_group" "api_access" {
  name              = "/aws/apigateway/orders-access"
  retention_in_days = 365
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
}

resource "aws_api_gateway_stage" "v1" { # expect: PASS "access logs go to aws_cloudwatch_log_group.api_access"
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "v1"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format          = jsonencode({ requestId = "$context.requestId", status = "$context.status" })
  }
}

resource "aws_apigatewayv2_api" "catalog" {
  name          = "catalog"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" { # expect: PASS "access logs go to aws_cloudwatch_log_group.api_access"
  api_id      = aws_apigatewayv2_api.catalog.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format          = "$context.requestId $context.status"
  }
}
