resource "aws_elb" "legacy" { # expect: FAIL "a Classic Load Balancer"
  name               = "legacy"
  availability_zones = ["eu-west-1a", "eu-west-1b"]
  internal           = true

  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 8080
    instance_protocol = "http"
  }

  health_check {
    target              = "HTTP:8080/healthz"
    interval            = 30
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 2
  }
}
