# Groups that live in one zone.

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_launch_template" "workers" {
  name          = "workers"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
}

resource "aws_autoscaling_group" "workers" { # expect: FAIL "one subnet (aws_subnet.a) in eu-west-1a"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = [aws_subnet.a.id]

  launch_template {
    id = aws_launch_template.workers.id
  }
}

resource "aws_autoscaling_group" "legacy" { # expect: FAIL "only zone us-east-1a"
  min_size           = 1
  max_size           = 1
  availability_zones = ["us-east-1a"]

  launch_template {
    id = aws_launch_template.workers.id
  }
}
