resource "aws_api_gateway_rest_api" "orders" { # expect: NOT_APPLICABLE "judged as AWS::ApiGateway::Method resources"
  name = "orders"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "list_orders" { # expect: FAIL "GET method has AuthorizationType NONE and needs no API key"
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_apigatewayv2_api" "catalog" { # expect: NOT_APPLICABLE "judged as AWS::ApiGatewayV2::Route resources"
  name          = "catalog"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "list_items" { # expect: FAIL "route GET /items has AuthorizationType NONE"
  api_id    = aws_apigatewayv2_api.catalog.id
  route_key = "GET /items"
}

# Quick create: API Gateway makes an open default route to the target.
resource "aws_apigatewayv2_api" "quick" { # expect: FAIL "a quick-create API"
  name          = "quick"
  protocol_type = "HTTP"
  target        = aws_lambda_function.quick.arn
}

resource "aws_lambda_function" "quick" {
  function_name = "quick"
  runtime       = "python3.12"
  handler       = "quick.handler"
  role          = "arn:aws:iam::123456789012:role/quick"
  filename      = "quick.zip"
}
