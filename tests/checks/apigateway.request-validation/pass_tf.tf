resource "aws_api_gateway_rest_api" "orders" { # expect: NOT_APPLICABLE "judged as AWS::ApiGateway::Method resources"
  name = "orders"
}

resource "aws_api_gateway_request_validator" "body" {
  name                  = "body"
  rest_api_id           = aws_api_gateway_rest_api.orders.id
  validate_request_body = true
}

resource "aws_api_gateway_method" "create_order" { # expect: PASS "validates requests before the integration"
  rest_api_id          = aws_api_gateway_rest_api.orders.id
  resource_id          = aws_api_gateway_rest_api.orders.root_resource_id
  http_method          = "POST"
  authorization        = "AWS_IAM"
  request_validator_id = aws_api_gateway_request_validator.body.id
}

resource "aws_api_gateway_method" "get_order" { # expect: NOT_APPLICABLE "a GET method with no body or declared parameters"
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = "GET"
  authorization = "AWS_IAM"
}
