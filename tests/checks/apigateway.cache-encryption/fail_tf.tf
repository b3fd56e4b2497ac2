resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_stage" "v1" { # expect: FAIL "stores responses unencrypted"
  rest_api_id           = aws_api_gateway_rest_api.orders.id
  deployment_id         = "abc123"
  stage_name            = "v1"
  cache_cluster_enabled = true
  cache_cluster_size    = "0.5"
}

resource "aws_api_gateway_method_settings" "v1_all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.v1.stage_name
  method_path = "*/*"

  settings {
    caching_enabled      = true
    cache_ttl_in_seconds = 300
  }
}
