# Listeners that answer plain HTTP on an internet-facing load balancer.

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

resource "aws_lb_listener" "plain" { # expect: FAIL "does not redirect to HTTPS"
  load_balancer_arn = aws_lb.shop.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.shop.arn
  }
}

resource "aws_alb_listener" "admin" { # expect: FAIL "listener rule aws_alb_listener_rule.status answers plain HTTP"
  load_balancer_arn = aws_lb.shop.arn
  port              = 8080
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

resource "aws_alb_listener_rule" "status" {
  listener_arn = aws_alb_listener.admin.arn
  priority     = 10

  action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "ok"
      status_code  = "200"
    }
  }

  condition {
    path_pattern {
      values = ["/status"]
    }
  }
}

resource "aws_elb" "legacy" { # expect: FAIL "Classic Load Balancer cannot redirect"
  name               = "legacy"
  availability_zones = ["eu-west-1a", "eu-west-1b"]

  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 8080
    instance_protocol = "http"
  }
}
