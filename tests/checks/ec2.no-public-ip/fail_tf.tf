# Instances and launch specifications that end up with public addresses.

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "public_a" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.0.1.0/24"
  availability_zone       = "eu-west-1a"
  map_public_ip_on_launch = true
}

resource "aws_instance" "api" { # expect: FAIL "asks for a public IP (AssociatePublicIpAddress)"
  ami                         = "ami-0a1b2c3d4e5f60718"
  instance_type               = "t3.small"
  associate_public_ip_address = true
}

resource "aws_instance" "reports" { # expect: FAIL "subnet aws_subnet.public_a gives every instance a public IP"
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
  subnet_id     = aws_subnet.public_a.id
}

resource "aws_instance" "mail" { # expect: FAIL "Elastic IP aws_eip.mail is attached"
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
  subnet_id     = "subnet-0a1b2c3d4e5f60718"
}

resource "aws_eip" "mail" {
  domain   = "vpc"
  instance = aws_instance.mail.id
}

resource "aws_instance" "ftp" { # expect: FAIL "Elastic IP aws_eip_association.ftp is attached"
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
  subnet_id     = "subnet-0a1b2c3d4e5f60718"
}

resource "aws_eip_association" "ftp" {
  instance_id   = aws_instance.ftp.id
  allocation_id = "eipalloc-0a1b2c3d4e5f60718"
}

resource "aws_launch_template" "web" { # expect: FAIL "aws_autoscaling_group.web: subnet aws_subnet.public_a gives every instance a public IP"
  name          = "web"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
}

resource "aws_autoscaling_group" "web" {
  min_size            = 1
  max_size            = 2
  vpc_zone_identifier = [aws_subnet.public_a.id]

  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  }
}

resource "aws_launch_template" "batch" { # expect: FAIL "a network interface asks for a public IP"
  name          = "batch"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"

  network_interfaces {
    device_index                = 0
    associate_public_ip_address = "true"
  }
}

resource "aws_launch_configuration" "legacy" { # expect: FAIL "asks for a public IP on every instance"
  image_id                    = "ami-0a1b2c3d4e5f60718"
  instance_type               = "t3.small"
  associate_public_ip_address = true
}
