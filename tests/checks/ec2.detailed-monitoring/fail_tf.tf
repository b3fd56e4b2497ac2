# Basic five-minute monitoring only.

resource "aws_instance" "app" { # expect: FAIL "basic monitoring only"
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
}

resource "aws_launch_template" "workers" { # expect: FAIL "basic monitoring only"
  name          = "workers"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"

  monitoring {
    enabled = false
  }
}

resource "aws_launch_configuration" "batch" { # expect: FAIL "basic monitoring only"
  name_prefix       = "batch-"
  image_id          = "ami-0a1b2c3d4e5f60718"
  instance_type     = "t3.small"
  enable_monitoring = false
}
