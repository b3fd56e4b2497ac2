resource "aws_lb" "shop" { # expect: PASS "deletion_protection.enabled is true"
  name                       = "shop"
  subnets                    = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
  enable_deletion_protection = true
  idle_timeout               = 120
}
