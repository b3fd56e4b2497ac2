resource "aws_vpc" "shop" { # expect: FAIL "no S3 gateway endpoint: S3 traffic from subnet aws_subnet.app_a goes through a NAT gateway"
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "app_a" {
  vpc_id            = aws_vpc.shop.id
  cidr_block        = "10.0.10.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_route_table" "app" {
  vpc_id = aws_vpc.shop.id
}

resource "aws_route" "app_default" {
  route_table_id         = aws_route_table.app.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = "nat-0a1b2c3d4e5f60718"
}

resource "aws_route_table_association" "app_a" {
  subnet_id      = aws_subnet.app_a.id
  route_table_id = aws_route_table.app.id
}

# A gateway endpoint for DynamoDB does nothing for S3 traffic.
resource "aws_vpc_endpoint" "dynamodb" {
  vpc_id            = aws_vpc.shop.id
  service_name      = "com.amazonaws.eu-west-1.dynamodb"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.app.id]
}
