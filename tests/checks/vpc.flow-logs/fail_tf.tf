resource "aws_vpc" "shop" { # expect: FAIL "no flow log for the VPC"
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "data" { # expect: FAIL "only subnet aws_subnet.data_a has one"
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "data_a" {
  vpc_id            = aws_vpc.data.id
  cidr_block        = "10.1.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_cloudwatch_log_group" "flows" {
  name              = "/vpc/data-a"
  retention_in_days = 30
}

resource "aws_flow_log" "data_a" {
  subnet_id       = aws_subnet.data_a.id
  traffic_type    = "REJECT"
  log_destination = aws_cloudwatch_log_group.flows.arn
  iam_role_arn    = "arn:aws:iam::123456789012:role/flow-logs"
}
