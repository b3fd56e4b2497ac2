resource "aws_apigatewayv2_api" "chat" { # expect: NOT_APPLICABLE "a WebSocket API"
  name                       = "chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}
