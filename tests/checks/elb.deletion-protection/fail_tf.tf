resource "aws_lb" "shop" { # expect: FAIL "deletion_protection.enabled is not set"
  name    = "shop"
  subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
}
