# Session Manager instead of SSH keys.

resource "aws_instance" "app" { # expect: PASS "no SSH key pair"
  ami                  = "ami-0a1b2c3d4e5f60718"
  instance_type        = "t3.micro"
  iam_instance_profile = "ssm-managed"
}

resource "aws_launch_configuration" "workers" { # expect: PASS "no SSH key pair"
  name_prefix   = "workers-"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
}
