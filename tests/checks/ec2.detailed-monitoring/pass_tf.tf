# One-minute metrics everywhere.

resource "aws_instance" "app" { # expect: PASS "one-minute detailed monitoring"
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
  monitoring    = true
}

resource "aws_launch_template" "workers" { # expect: PASS "one-minute detailed monitoring"
  name          = "workers"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"

  monitoring {
    enabled = true
  }
}

# enable_monitoring defaults to true, as InstanceMonitoring does.
resource "aws_launch_configuration" "batch" { # expect: PASS "the launch configuration default"
  name_prefix   = "batch-"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
}
