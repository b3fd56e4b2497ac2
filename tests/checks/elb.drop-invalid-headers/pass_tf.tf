resource "aws_lb" "shop" { # expect: PASS "routing.http.drop_invalid_header_fields.enabled is true"
  name                       = "shop"
  load_balancer_type         = "application"
  subnets                    = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
  drop_invalid_header_fields = true
}
