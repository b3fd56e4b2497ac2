resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_resource" "legacy" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "legacy"
}

resource "aws_api_gateway_method" "legacy" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.legacy.id
  http_method   = "ANY"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "legacy" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_resource.legacy.id
  http_method             = aws_api_gateway_method.legacy.http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "ANY"
  uri                     = "https://legacy.example.com/orders"
}

resource "aws_api_gateway_stage" "v1" { # expect: FAIL "calls HTTP backends (aws_api_gateway_method.legacy) without a client certificate"
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = "abc123"
  stage_name    = "v1"
}
