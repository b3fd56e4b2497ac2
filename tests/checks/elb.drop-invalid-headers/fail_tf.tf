resource "aws_lb" "shop" { # expect: FAIL "routing.http.drop_invalid_header_fields.enabled is not set"
  name    = "shop"
  subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
}

resource "aws_alb" "admin" { # expect: FAIL "is set to false"
  name                       = "admin"
  subnets                    = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
  drop_invalid_header_fields = false
}
