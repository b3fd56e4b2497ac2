resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  description = "orders API"
}

resource "aws_api_gateway_stage" "v1" { # expect: FAIL "no access logging"
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "v1"
}

resource "aws_apigatewayv2_api" "catalog" {
  name          = "catalog"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" { # expect: FAIL "no access logging"
  api_id      = aws_apigatewayv2_api.catalog.id
  name        = "$default"
  auto_deploy = true
}
