# Functions that user pools, AppSync and pipes call synchronously: the caller sees the error.

resource "aws_lambda_function" "pre_sign_up" { # expect: NOT_APPLICABLE "invoked synchronously by Cognito user pool aws_cognito_user_pool.customers"
  function_name = "pre-sign-up"
  runtime       = "python3.12"
  handler       = "signup.handler"
  role          = "arn:aws:iam::123456789012:role/pre-sign-up"
  filename      = "signup.zip"
}

resource "aws_cognito_user_pool" "customers" {
  name                = "customers"
  deletion_protection = "ACTIVE"

  lambda_config {
    pre_sign_up = aws_lambda_function.pre_sign_up.arn
  }
}

resource "aws_appsync_graphql_api" "shop" {
  name                = "shop"
  authentication_type = "AWS_LAMBDA"
  xray_enabled        = true

  lambda_authorizer_config {
    authorizer_uri                   = aws_lambda_function.authorizer.arn
    authorizer_result_ttl_in_seconds = 300
  }

  log_config {
    cloudwatch_logs_role_arn = "arn:aws:iam::123456789012:role/appsync-logs"
    field_log_level          = "ERROR"
  }
}

resource "aws_lambda_function" "authorizer" { # expect: NOT_APPLICABLE "invoked synchronously by AppSync authorizer aws_appsync_graphql_api.shop"
  function_name = "shop-authorizer"
  runtime       = "python3.12"
  handler       = "auth.handler"
  role          = "arn:aws:iam::123456789012:role/authorizer"
  filename      = "auth.zip"
}

resource "aws_appsync_datasource" "products" {
  api_id           = aws_appsync_graphql_api.shop.id
  name             = "products"
  type             = "AWS_LAMBDA"
  service_role_arn = "arn:aws:iam::123456789012:role/appsync-products"

  lambda_config {
    function_arn = aws_lambda_function.products.arn
  }
}

resource "aws_lambda_function" "products" { # expect: NOT_APPLICABLE "invoked synchronously by AppSync data source aws_appsync_datasource.products"
  function_name = "products-resolver"
  runtime       = "python3.12"
  handler       = "products.handler"
  role          = "arn:aws:iam::123456789012:role/products"
  filename      = "products.zip"
}

resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_pipes_pipe" "orders" {
  name     = "orders-to-fulfilment"
  role_arn = "arn:aws:iam::123456789012:role/pipe"
  source   = aws_sqs_queue.orders.arn
  target   = aws_lambda_function.fulfil.arn

  source_parameters {
    sqs_queue_parameters {
      batch_size = 5
    }
  }

  target_parameters {
    lambda_function_parameters {
      invocation_type = "REQUEST_RESPONSE"
    }
  }
}

resource "aws_lambda_function" "fulfil" { # expect: NOT_APPLICABLE "invoked synchronously by EventBridge pipe aws_pipes_pipe.orders"
  function_name = "fulfil"
  runtime       = "python3.12"
  handler       = "fulfil.handler"
  role          = "arn:aws:iam::123456789012:role/fulfil"
  filename      = "fulfil.zip"
}
