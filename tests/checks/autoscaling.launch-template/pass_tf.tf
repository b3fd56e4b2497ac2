resource "aws_launch_template" "workers" {
  name          = "workers"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
}

resource "aws_autoscaling_group" "workers" { # expect: PASS "launches from a launch template (LaunchTemplate)"
  min_size            = 1
  max_size            = 4
  vpc_zone_identifier = ["subnet-0a1b2c3d4e5f60718"]

  launch_template {
    id      = aws_launch_template.workers.id
    version = aws_launch_template.workers.latest_version
  }
}

resource "aws_autoscaling_group" "spot" { # expect: PASS "MixedInstancesPolicy"
  min_size            = 0
  max_size            = 20
  vpc_zone_identifier = ["subnet-0a1b2c3d4e5f60718"]

  mixed_instances_policy {
    launch_template {
      launch_template_specification {
        launch_template_id = aws_launch_template.workers.id
      }

      override {
        instance_type = "m7g.large"
      }
    }
  }
}
