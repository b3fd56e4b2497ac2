resource "aws_api_gateway_rest_api" "orders" { # expect: NOT_APPLICABLE "judged as AWS::ApiGateway::Method resources"
  name = "orders"
}

resource "aws_api_gateway_method" "create_order" { # expect: FAIL "POST method without a request validator"
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = "POST"
  authorization = "AWS_IAM"
  request_models = {
    "application/json" = "OrderInput"
  }
}
