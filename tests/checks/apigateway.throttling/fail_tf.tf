resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_rest_api" "partners" {
  name = "partners"
}

resource "aws_api_gateway_stage" "v1" { # expect: FAIL "no throttling limits"
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = "abc123"
  stage_name    = "v1"
}

# Logging only; -1 is the provider's "no limit".
resource "aws_api_gateway_method_settings" "v1_all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.v1.stage_name
  method_path = "*/*"

  settings {
    logging_level          = "ERROR"
    throttling_rate_limit  = -1
    throttling_burst_limit = -1
  }
}

resource "aws_api_gateway_stage" "partners_v1" { # expect: FAIL "no throttling limits"
  rest_api_id   = aws_api_gateway_rest_api.partners.id
  deployment_id = "def456"
  stage_name    = "v1"
}

resource "aws_apigatewayv2_api" "catalog" {
  name          = "catalog"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" { # expect: FAIL "no throttling limits"
  api_id      = aws_apigatewayv2_api.catalog.id
  name        = "$default"
  auto_deploy = true
}
