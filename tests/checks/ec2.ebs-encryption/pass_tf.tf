# Every volume encrypted, with a customer-managed key where it matters.

resource "aws_kms_key" "volumes" {
  description         = "EBS volumes"
  enable_key_rotation = true
}

resource "aws_ebs_volume" "data" { # expect: PASS "encrypted with a customer-managed key"
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
  encrypted         = true
  kms_key_id        = aws_kms_key.volumes.arn
}

resource "aws_instance" "app" { # expect: PASS "all 2 EBS volumes encrypted"
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 50
    encrypted   = true
  }
}

resource "aws_launch_template" "workers" { # expect: PASS "all 1 EBS volumes encrypted"
  name          = "workers"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 30
      encrypted   = "true"
      kms_key_id  = aws_kms_key.volumes.arn
    }
  }
}
