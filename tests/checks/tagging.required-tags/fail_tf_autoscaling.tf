# The provider's default_tags do not reach Auto Scaling groups (the AWS provider applies
# them to resources with a tags argument; a group has tag blocks), and of the group's own
# tags only those with propagate_at_launch reach its instances.

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      Environment = "production"
      Project     = "storefront"
      Team        = "web"
      CostCenter  = "cc-1042"
    }
  }
}

resource "aws_launch_template" "web" { # expect: NOT_APPLICABLE
  name          = "web"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
}

resource "aws_autoscaling_group" "bare" { # expect: FAIL "missing tags Environment, Project, Team, CostCenter"
  min_size            = 1
  max_size            = 2
  vpc_zone_identifier = ["subnet-0a1b2c3d4e5f60718"]

  launch_template {
    id = aws_launch_template.web.id
  }
}

resource "aws_autoscaling_group" "web" { # expect: FAIL "its instances miss Team, CostCenter: set PropagateAtLaunch true"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = ["subnet-0a1b2c3d4e5f60718"]

  launch_template {
    id = aws_launch_template.web.id
  }

  tag {
    key                 = "Environment"
    value               = "production"
    propagate_at_launch = true
  }

  tag {
    key                 = "Project"
    value               = "storefront"
    propagate_at_launch = true
  }

  tag {
    key                 = "Team"
    value               = "web"
    propagate_at_launch = false
  }

  tag {
    key                 = "CostCenter"
    value               = "cc-1042"
    propagate_at_launch = false
  }
}
