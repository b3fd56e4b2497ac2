resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "public" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.${count.index}.0/24"
  availability_zone = ["eu-west-1a", "eu-west-1b"][count.index]
}

resource "aws_lb" "shop" { # expect: PASS "subnets in 2 zones (eu-west-1a, eu-west-1b)"
  name    = "shop"
  subnets = aws_subnet.public[*].id
}

resource "aws_elb" "legacy" { # expect: PASS "2 zones (eu-west-1a, eu-west-1b)"
  name               = "legacy"
  availability_zones = ["eu-west-1a", "eu-west-1b"]

  listener {
    lb_port           = 443
    lb_protocol       = "tcp"
    instance_port     = 8443
    instance_protocol = "tcp"
  }
}
