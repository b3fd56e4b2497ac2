resource "aws_lb" "admin" { # expect: NOT_APPLICABLE "an internal load balancer"
  name     = "admin"
  internal = true
  subnets  = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
}

resource "aws_lb" "ledger" { # expect: NOT_APPLICABLE "AWS WAF attaches to ALBs only"
  name               = "ledger"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
}
