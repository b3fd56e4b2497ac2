# Subnets in two zones, one per zone from a for_each.

locals {
  zones = {
    a = "eu-west-1a"
    b = "eu-west-1b"
  }
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  for_each          = local.zones
  vpc_id            = aws_vpc.main.id
  cidr_block        = each.key == "a" ? "10.0.1.0/24" : "10.0.2.0/24"
  availability_zone = each.value
}

resource "aws_launch_template" "api" {
  name          = "api"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
}

resource "aws_autoscaling_group" "api" { # expect: PASS "subnets in 2 zones (eu-west-1a, eu-west-1b)"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = [for subnet in aws_subnet.private : subnet.id]

  launch_template {
    id = aws_launch_template.api.id
  }
}
