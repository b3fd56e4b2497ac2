resource "aws_lb_target_group" "api" { # expect: NOT_APPLICABLE "Lambda targets"
  name        = "api"
  target_type = "lambda"
}

resource "aws_lb_target_group_attachment" "api" {
  target_group_arn = aws_lb_target_group.api.arn
  target_id        = "arn:aws:lambda:eu-west-1:123456789012:function:api"
}
