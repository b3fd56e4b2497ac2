# Every launch path requires session tokens, or turns the metadata service off.

resource "aws_launch_template" "app" { # expect: PASS "IMDSv2 required"
  name          = "app"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}

resource "aws_instance" "app" { # expect: PASS "IMDSv2 required (from launch template aws_launch_template.app)"
  launch_template {
    name = aws_launch_template.app.name
  }
}

resource "aws_instance" "tools" { # expect: PASS "IMDSv2 required"
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_launch_configuration" "offline" { # expect: PASS "instance metadata service turned off"
  name          = "offline"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "disabled"
  }
}
