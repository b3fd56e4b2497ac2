# gp3 everywhere, and io2 where the workload needs it.

resource "aws_ebs_volume" "data" { # expect: PASS "VolumeType gp3"
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  type              = "gp3"
}

resource "aws_launch_template" "db" { # expect: PASS "no gp2 or magnetic volume"
  name          = "db"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "r7g.large"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_type = "gp3"
      encrypted   = "true"
    }
  }

  block_device_mappings {
    device_name = "/dev/sdf"

    ebs {
      volume_type = "io2"
      iops        = 10000
      encrypted   = "true"
    }
  }
}
