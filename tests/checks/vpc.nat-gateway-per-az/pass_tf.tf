# One NAT gateway per zone, each serving the private subnet of its zone.

locals {
  zones = ["eu-west-1a", "eu-west-1b"]
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "public" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.${count.index}.0/24"
  availability_zone = local.zones[count.index]
}

resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.${count.index + 10}.0/24"
  availability_zone = local.zones[count.index]
}

resource "aws_internet_gateway" "main" {}

resource "aws_internet_gateway_attachment" "main" {
  internet_gateway_id = aws_internet_gateway.main.id
  vpc_id              = aws_vpc.main.id
}

resource "aws_eip" "nat" {
  count  = 2
  domain = "vpc"
}

resource "aws_nat_gateway" "zone_a" { # expect: PASS "serves 1 subnet in its own zone (eu-west-1a)"
  subnet_id     = aws_subnet.public[0].id
  allocation_id = aws_eip.nat[0].id
}

resource "aws_nat_gateway" "zone_b" { # expect: PASS "in its own zone (eu-west-1b)"
  subnet_id     = aws_subnet.public[1].id
  allocation_id = aws_eip.nat[1].id
}

locals {
  nat_gateways = [aws_nat_gateway.zone_a.id, aws_nat_gateway.zone_b.id]
}

resource "aws_route_table" "private" {
  count  = 2
  vpc_id = aws_vpc.main.id
}

resource "aws_route" "private_default" {
  count                  = 2
  route_table_id         = aws_route_table.private[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = local.nat_gateways[count.index]
}

resource "aws_route_table_association" "private" {
  count          = 2
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private[count.index].id
}
