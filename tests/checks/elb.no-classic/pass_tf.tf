resource "aws_lb" "shop" { # expect: PASS "an Application Load Balancer"
  name    = "shop"
  subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
}

resource "aws_lb" "ledger" { # expect: PASS "a Network Load Balancer"
  name               = "ledger"
  load_balancer_type = "network"

  subnet_mapping {
    subnet_id     = "subnet-0a1b2c3d4e5f60718"
    allocation_id = "eipalloc-0a1b2c3d4e5f60718"
  }
}
