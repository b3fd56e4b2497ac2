resource "aws_s3_bucket" "access_logs" { # expect: NOT_APPLICABLE "server access logs of bucket aws_s3_bucket.customer_files"
  bucket = "example-access-logs"
}

resource "aws_s3_bucket" "customer_files" { # expect: PASS "server access logs go to bucket aws_s3_bucket.access_logs"
  bucket = "example-customer-files"
}

resource "aws_s3_bucket_logging" "customer_files" {
  bucket        = aws_s3_bucket.customer_files.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "customer-files/"
}

# Provider v3 inline form.
resource "aws_s3_bucket" "invoices" { # expect: PASS "server access logs go to bucket aws_s3_bucket.access_logs"
  bucket = "example-invoices"
  logging {
    target_bucket = aws_s3_bucket.access_logs.id
    target_prefix = "invoices/"
  }
}
