resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "public_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_lb" "ledger" { # expect: FAIL "one subnet (aws_subnet.public_a) in eu-west-1a"
  name               = "ledger"
  load_balancer_type = "network"

  subnet_mapping {
    subnet_id = aws_subnet.public_a.id
  }
}
