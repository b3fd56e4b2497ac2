# Functions that are never invoked asynchronously: one polls a queue, the others answer
# API Gateway (an HTTP API and a REST API) and a function URL, whose callers see the error.

resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_lambda_event_source_mapping" "orders" {
  event_source_arn = aws_sqs_queue.orders.arn
  function_name    = aws_lambda_function.order_worker.arn
  batch_size       = 10
}

resource "aws_lambda_function" "order_worker" { # expect: NOT_APPLICABLE "polls SQS queue aws_sqs_queue.orders"
  function_name = "order-worker"
  runtime       = "python3.12"
  handler       = "worker.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"
}

resource "aws_apigatewayv2_api" "http" {
  name          = "orders-http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "get_order" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.get_order.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "get_order" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "GET /orders/{id}"
  target             = "integrations/${aws_apigatewayv2_integration.get_order.id}"
  authorization_type = "AWS_IAM"
}

resource "aws_lambda_permission" "get_order_from_api" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.get_order.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}

resource "aws_lambda_function" "get_order" { # expect: NOT_APPLICABLE "invoked synchronously by API Gateway integration aws_apigatewayv2_integration.get_order"
  function_name = "get-order"
  runtime       = "python3.12"
  handler       = "get.handler"
  role          = "arn:aws:iam::123456789012:role/get-order"
  filename      = "get.zip"
}

resource "aws_api_gateway_rest_api" "legacy" {
  name = "orders-legacy"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.legacy.id
  parent_id   = aws_api_gateway_rest_api.legacy.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "list_orders" {
  rest_api_id   = aws_api_gateway_rest_api.legacy.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "list_orders" {
  rest_api_id             = aws_api_gateway_rest_api.legacy.id
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.list_orders.http_method
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.list_orders.invoke_arn
}

resource "aws_lambda_function" "list_orders" { # expect: NOT_APPLICABLE "invoked synchronously by API Gateway method aws_api_gateway_method.list_orders"
  function_name = "list-orders"
  runtime       = "python3.12"
  handler       = "list.handler"
  role          = "arn:aws:iam::123456789012:role/list-orders"
  filename      = "list.zip"
}

resource "aws_lambda_function_url" "profile" {
  function_name      = aws_lambda_function.profile.function_name
  authorization_type = "AWS_IAM"
}

resource "aws_lambda_function" "profile" { # expect: NOT_APPLICABLE "invoked synchronously by function URL aws_lambda_function_url.profile"
  function_name = "profile"
  runtime       = "python3.12"
  handler       = "profile.handler"
  role          = "arn:aws:iam::123456789012:role/profile"
  filename      = "profile.zip"
}
