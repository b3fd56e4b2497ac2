# Volumes and block devices written without encryption.

resource "aws_ebs_volume" "data" { # expect: FAIL "not encrypted (Encrypted is not true)"
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
}

resource "aws_instance" "app" { # expect: FAIL "EBS volume root_block_device"
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"

  root_block_device {
    volume_type = "gp3"
    encrypted   = false
  }
}

resource "aws_launch_template" "workers" { # expect: FAIL "EBS volume /dev/xvda"
  name          = "workers"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 30
      encrypted   = "false"
    }
  }
}

resource "aws_launch_configuration" "batch" { # expect: FAIL "EBS volume /dev/sdf"
  name_prefix   = "batch-"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 200
  }
}
