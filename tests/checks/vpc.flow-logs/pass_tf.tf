resource "aws_vpc" "shop" { # expect: PASS "flow log aws_flow_log.shop records ALL traffic"
  cidr_block = "10.0.0.0/16"
}

resource "aws_s3_bucket" "flow_logs" {
  bucket = "shop-flow-logs"
}

resource "aws_flow_log" "shop" {
  vpc_id               = aws_vpc.shop.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = aws_s3_bucket.flow_logs.arn
}
