# Target groups whose health checks say little, or nothing.

resource "aws_lb_target_group" "web" { # expect: FAIL "no HealthCheckPath"
  name     = "web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0a1b2c3d4e5f60718"
}

resource "aws_lb_target_group" "batch" { # expect: FAIL "HealthCheckEnabled is false"
  name     = "batch"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0a1b2c3d4e5f60718"

  health_check {
    enabled = false
  }
}

# A health_check block sends protocol HTTP (the provider's default) even on a TCP group.
resource "aws_alb_target_group" "ledger" { # expect: FAIL "no HealthCheckPath"
  name     = "ledger"
  port     = 5000
  protocol = "TCP"
  vpc_id   = "vpc-0a1b2c3d4e5f60718"

  health_check {
    interval = 10
  }
}
