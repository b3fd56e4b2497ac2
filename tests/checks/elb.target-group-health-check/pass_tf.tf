resource "aws_lb_target_group" "web" { # expect: PASS "HTTP health check on /healthz"
  name     = "web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0a1b2c3d4e5f60718"

  health_check {
    path                = "/healthz"
    matcher             = "200"
    interval            = 15
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_target_group" "ledger" { # expect: PASS "a TCP connection check"
  name     = "ledger"
  port     = 5000
  protocol = "TCP"
  vpc_id   = "vpc-0a1b2c3d4e5f60718"
}

resource "aws_instance" "web" {
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
}

resource "aws_lb_target_group_attachment" "web" {
  target_group_arn = aws_lb_target_group.web.arn
  target_id        = aws_instance.web.id
  port             = 8080
}
