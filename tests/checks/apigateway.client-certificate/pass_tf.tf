resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_method" "legacy" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "legacy" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_rest_api.orders.root_resource_id
  http_method             = aws_api_gateway_method.legacy.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "https://legacy.example.com/orders"
}

resource "aws_api_gateway_client_certificate" "backend" {
  description = "Presented to the legacy backend"
}

resource "aws_api_gateway_stage" "v1" { # expect: PASS "presents a client certificate"
  rest_api_id           = aws_api_gateway_rest_api.orders.id
  deployment_id         = "abc123"
  stage_name            = "v1"
  client_certificate_id = aws_api_gateway_client_certificate.backend.id
}
