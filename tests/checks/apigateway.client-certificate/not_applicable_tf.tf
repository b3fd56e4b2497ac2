# Two methods answering GET on different resources, the integrations naming the verb
# literally: each integration belongs to the method of its own resource.
resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "list_orders" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "list_orders" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = "GET"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.list_orders.invoke_arn
}

resource "aws_lambda_function" "list_orders" {
  function_name = "list-orders"
  runtime       = "python3.12"
  handler       = "list.handler"
  role          = "arn:aws:iam::123456789012:role/list-orders"
  filename      = "list.zip"
}

resource "aws_api_gateway_stage" "v1" { # expect: NOT_APPLICABLE "no HTTP integration outside a VPC link"
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = "abc123"
  stage_name    = "v1"
}
