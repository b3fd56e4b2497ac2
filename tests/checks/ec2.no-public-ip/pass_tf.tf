# Instances in private subnets, and specifications that refuse public addresses.

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.10.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_instance" "reports" { # expect: PASS "private subnet aws_subnet.private_a"
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
  subnet_id     = aws_subnet.private_a.id
}

resource "aws_instance" "api" { # expect: PASS "the primary network interface refuses a public IP"
  ami                         = "ami-0a1b2c3d4e5f60718"
  instance_type               = "t3.small"
  subnet_id                   = "subnet-0a1b2c3d4e5f60718"
  associate_public_ip_address = false
}

resource "aws_launch_template" "web" { # expect: PASS "aws_autoscaling_group.web: private subnet aws_subnet.private_a"
  name          = "web"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
}

resource "aws_autoscaling_group" "web" {
  min_size            = 1
  max_size            = 2
  vpc_zone_identifier = [aws_subnet.private_a.id]

  launch_template {
    id = aws_launch_template.web.id
  }
}

resource "aws_launch_template" "batch" { # expect: PASS "the primary network interface refuses a public IP"
  name          = "batch"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"

  network_interfaces {
    device_index                = 0
    associate_public_ip_address = "false"
  }
}

resource "aws_launch_configuration" "workers" { # expect: PASS "refuses public IPs"
  name_prefix                 = "workers-"
  image_id                    = "ami-0a1b2c3d4e5f60718"
  instance_type               = "t3.small"
  associate_public_ip_address = false
}
