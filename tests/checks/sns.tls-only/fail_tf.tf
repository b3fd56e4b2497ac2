resource "aws_sns_topic" "orders" { # expect: FAIL "no topic policy"
  name = "orders"
}
