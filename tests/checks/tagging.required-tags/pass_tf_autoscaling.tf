# Tags reach the instances through propagate_at_launch and the launch template.

resource "aws_launch_template" "web" { # expect: NOT_APPLICABLE
  name          = "web"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"

  tag_specifications {
    resource_type = "instance"

    tags = {
      Team       = "web"
      CostCenter = "cc-1042"
    }
  }
}

resource "aws_autoscaling_group" "web" { # expect: PASS "its instances get them too"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = ["subnet-0a1b2c3d4e5f60718"]

  launch_template {
    id = aws_launch_template.web.id
  }

  dynamic "tag" {
    for_each = {
      Environment = "production"
      Project     = "storefront"
      Team        = "web"
      CostCenter  = "cc-1042"
    }

    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = contains(["Environment", "Project"], tag.key)
    }
  }
}
