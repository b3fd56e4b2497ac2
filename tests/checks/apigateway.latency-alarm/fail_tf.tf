resource "aws_apigatewayv2_api" "catalog" { # expect: FAIL "no CloudWatch alarm watches the API's latency"
  name          = "catalog"
  protocol_type = "HTTP"
}
