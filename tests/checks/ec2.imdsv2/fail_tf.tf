# Instances and launch specifications that leave IMDSv1 available.

resource "aws_instance" "legacy" { # expect: FAIL "HttpTokens not set"
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.micro"
}

resource "aws_launch_template" "web" { # expect: FAIL "HttpTokens is optional"
  name          = "web"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional"
  }
}

resource "aws_instance" "web" { # expect: FAIL "(from launch template aws_launch_template.web)"
  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  }
}

resource "aws_launch_configuration" "workers" { # expect: FAIL "HttpTokens not set"
  name_prefix   = "workers-"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.micro"
}
