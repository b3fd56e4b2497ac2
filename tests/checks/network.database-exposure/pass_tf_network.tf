# A DocumentDB cluster in public subnets whose group admits the internet: its instances
# take no public address, so only what is inside the VPC can reach it.

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_subnet" "public" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.${count.index}.0/24"
  availability_zone = ["eu-west-1a", "eu-west-1b"][count.index]
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}

resource "aws_route_table_association" "public" {
  count          = 2
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_security_group" "documents" {
  name   = "documents"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 27017
    to_port     = 27017
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_docdb_subnet_group" "documents" {
  name       = "documents"
  subnet_ids = aws_subnet.public[*].id
}

resource "aws_docdb_cluster" "documents" { # expect: PASS "aws_security_group.documents admits 0.0.0.0/0 on port 27017"
  cluster_identifier          = "documents"
  master_username             = "documents"
  manage_master_user_password = true
  db_subnet_group_name        = aws_docdb_subnet_group.documents.name
  vpc_security_group_ids      = [aws_security_group.documents.id]
  skip_final_snapshot         = true
}
