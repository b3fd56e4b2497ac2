# A Network Load Balancer passing TCP through, and an internal one under staging.
# profile: staging

resource "aws_lb" "ledger" {
  name               = "ledger"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
}

resource "aws_lb_listener" "ledger" { # expect: NOT_APPLICABLE "a TCP listener passes traffic through"
  load_balancer_arn = aws_lb.ledger.arn
  port              = 5000
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/ledger/0a1b2c3d4e5f6071"
  }
}

resource "aws_lb" "admin" {
  name     = "admin"
  internal = true
  subnets  = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
}

resource "aws_lb_listener" "admin" { # expect: NOT_APPLICABLE "the staging profile accepts plain HTTP inside the VPC"
  load_balancer_arn = aws_lb.admin.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      status_code  = "503"
    }
  }
}
