# HTTPS, and HTTP only to redirect to it.

resource "aws_lb" "shop" {
  name    = "shop"
  subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
}

resource "aws_lb_target_group" "shop" {
  name     = "shop"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0a1b2c3d4e5f60718"
}

resource "aws_lb_listener" "https" { # expect: PASS "an HTTPS listener"
  load_balancer_arn = aws_lb.shop.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9"

  default_action {
    type = "forward"

    forward {
      target_group {
        arn    = aws_lb_target_group.shop.arn
        weight = 100
      }
    }
  }
}

resource "aws_lb_listener" "redirect" { # expect: PASS "only redirects to HTTPS"
  load_balancer_arn = aws_lb.shop.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener_rule" "legacy_paths" {
  listener_arn = aws_lb_listener.redirect.arn
  priority     = 5

  action {
    type = "redirect"

    redirect {
      path        = "/shop/#{path}"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }

  condition {
    path_pattern {
      values = ["/store/*"]
    }
  }
}

resource "aws_elb" "legacy" { # expect: PASS "every HTTP listener is HTTPS or SSL"
  name    = "legacy"
  subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9"
  }
}
