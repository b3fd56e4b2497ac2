resource "aws_api_gateway_rest_api" "orders" { # expect: NOT_APPLICABLE "judged as AWS::ApiGateway::Method resources"
  name = "orders"
}

resource "aws_api_gateway_authorizer" "tokens" {
  name                   = "tokens"
  rest_api_id            = aws_api_gateway_rest_api.orders.id
  authorizer_uri         = aws_lambda_function.authorizer.invoke_arn
  authorizer_credentials = "arn:aws:iam::123456789012:role/invoke-authorizer"
  identity_source        = "method.request.header.Authorization"
}

resource "aws_lambda_function" "authorizer" {
  function_name = "token-authorizer"
  runtime       = "python3.12"
  handler       = "auth.handler"
  role          = "arn:aws:iam::123456789012:role/authorizer"
  filename      = "authorizer.zip"
}

resource "aws_api_gateway_method" "list_orders" { # expect: PASS "GET method requires CUSTOM authorization"
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = "GET"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.tokens.id
}

resource "aws_api_gateway_method" "partner_feed" { # expect: PASS "requires an API key"
  rest_api_id      = aws_api_gateway_rest_api.orders.id
  resource_id      = aws_api_gateway_rest_api.orders.root_resource_id
  http_method      = "POST"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_apigatewayv2_api" "catalog" { # expect: NOT_APPLICABLE "judged as AWS::ApiGatewayV2::Route resources"
  name          = "catalog"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_authorizer" "jwt" {
  api_id           = aws_apigatewayv2_api.catalog.id
  name             = "cognito"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    audience = ["catalog-client"]
    issuer   = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_example"
  }
}

resource "aws_apigatewayv2_route" "list_items" { # expect: PASS "route GET /items requires JWT authorization"
  api_id             = aws_apigatewayv2_api.catalog.id
  route_key          = "GET /items"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.jwt.id
}
