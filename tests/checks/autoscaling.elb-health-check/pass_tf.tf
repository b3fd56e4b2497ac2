# Groups that replace the instances their load balancer finds unhealthy.

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

resource "aws_autoscaling_group" "web" { # expect: PASS "HealthCheckType ELB"
  min_size                  = 2
  max_size                  = 4
  health_check_type         = "ELB"
  health_check_grace_period = 120
  vpc_zone_identifier       = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]

  launch_template {
    id = aws_launch_template.web.id
  }
}

resource "aws_autoscaling_traffic_source_attachment" "web" {
  autoscaling_group_name = aws_autoscaling_group.web.name

  traffic_source {
    identifier = aws_lb_target_group.web.arn
    type       = "elbv2"
  }
}
