resource "aws_lb" "shop" { # expect: FAIL "an internet-facing ALB with no web ACL association"
  name    = "shop"
  subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
}
