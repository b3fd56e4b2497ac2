# General-purpose volumes still on gp2 or magnetic storage.

resource "aws_ebs_volume" "data" { # expect: FAIL "no VolumeType"
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
}

resource "aws_ebs_volume" "archive" { # expect: FAIL "VolumeType standard"
  availability_zone = "eu-west-1a"
  size              = 500
  encrypted         = true
  type              = "standard"
}

resource "aws_instance" "app" { # expect: FAIL "root_block_device (gp2)"
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"

  root_block_device {
    volume_type = "gp2"
    encrypted   = true
  }
}
