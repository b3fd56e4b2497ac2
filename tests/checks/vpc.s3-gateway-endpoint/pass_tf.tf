variable "region" {
  default = "eu-west-1"
}

resource "aws_vpc" "shop" { # expect: PASS "S3 gateway endpoint aws_vpc_endpoint.s3"
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "app_a" {
  vpc_id            = aws_vpc.shop.id
  cidr_block        = "10.0.10.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_route_table" "app" {
  vpc_id = aws_vpc.shop.id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = "nat-0a1b2c3d4e5f60718"
  }
}

resource "aws_route_table_association" "app_a" {
  subnet_id      = aws_subnet.app_a.id
  route_table_id = aws_route_table.app.id
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.shop.id
  service_name = "com.amazonaws.${var.region}.s3"
}

# Terraform's split form of route_table_ids.
resource "aws_vpc_endpoint_route_table_association" "s3_app" {
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  route_table_id  = aws_route_table.app.id
}
