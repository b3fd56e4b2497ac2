# Groups behind load balancers that only watch the EC2 status checks.

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0a1b2c3d4e5f60718"
}

resource "aws_launch_template" "web" {
  name          = "web"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
}

resource "aws_autoscaling_group" "web" { # expect: FAIL "HealthCheckType is EC2 (the default)"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
  target_group_arns   = [aws_lb_target_group.web.arn]

  launch_template {
    id = aws_launch_template.web.id
  }
}

# The attachment is Terraform's split form of target_group_arns.
resource "aws_autoscaling_group" "api" { # expect: FAIL "receives traffic through TargetGroupARNs but HealthCheckType is EC2"
  name                = "api"
  min_size            = 2
  max_size            = 4
  health_check_type   = "EC2"
  vpc_zone_identifier = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]

  launch_template {
    id = aws_launch_template.web.id
  }
}

resource "aws_autoscaling_attachment" "api" {
  autoscaling_group_name = aws_autoscaling_group.api.id
  lb_target_group_arn    = aws_lb_target_group.web.arn
}
