resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
}

resource "aws_api_gateway_stage" "v1" { # expect: PASS "stage-wide throttling limits (MethodSettings /*/*)"
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "v1"
}

resource "aws_api_gateway_method_settings" "v1_all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.v1.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled        = true
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_api_gateway_stage" "reports" { # expect: PASS "throttling limits on POST /reports"
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "reports"
}

# The stage named literally, as the provider's examples often do.
resource "aws_api_gateway_method_settings" "reports_post" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "reports"
  method_path = "reports/POST"

  settings {
    throttling_rate_limit = 5
  }
}

resource "aws_apigatewayv2_api" "catalog" {
  name          = "catalog"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" { # expect: PASS "default route throttling limits"
  api_id      = aws_apigatewayv2_api.catalog.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = 50
    throttling_burst_limit = 100
  }
}

resource "aws_apigatewayv2_stage" "beta" { # expect: PASS "throttling limits on GET /items"
  api_id = aws_apigatewayv2_api.catalog.id
  name   = "beta"

  route_settings {
    route_key             = "GET /items"
    throttling_rate_limit = 10
  }
}

resource "aws_api_gateway_stage" "partner" { # expect: PASS "usage plan aws_api_gateway_usage_plan.partner"
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "partner"
}

resource "aws_api_gateway_usage_plan" "partner" {
  name = "partner"

  api_stages {
    api_id = aws_api_gateway_rest_api.orders.id
    stage  = aws_api_gateway_stage.partner.stage_name
  }

  throttle_settings {
    rate_limit  = 20
    burst_limit = 40
  }
}
