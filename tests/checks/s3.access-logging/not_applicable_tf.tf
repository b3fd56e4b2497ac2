resource "aws_s3_bucket" "access_logs" { # expect: NOT_APPLICABLE "a log bucket: receives server access logs of bucket aws_s3_bucket.orders"
  bucket = "example-access-logs"
}

resource "aws_s3_bucket" "orders" { # expect: PASS
  bucket = "example-orders"
}

resource "aws_s3_bucket_logging" "orders" {
  bucket        = "example-orders"
  target_bucket = "example-access-logs"
  target_prefix = "orders/"
}
