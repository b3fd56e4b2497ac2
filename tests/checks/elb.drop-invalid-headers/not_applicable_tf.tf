resource "aws_lb" "ledger" { # expect: NOT_APPLICABLE "a Network Load Balancer does not parse HTTP headers"
  name               = "ledger"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
}
