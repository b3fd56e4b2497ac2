resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_stage" "v1" { # expect: PASS "X-Ray traces each request"
  rest_api_id          = aws_api_gateway_rest_api.orders.id
  deployment_id        = "abc123"
  stage_name           = "v1"
  xray_tracing_enabled = true
}
