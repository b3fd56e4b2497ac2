resource "aws_s3_bucket" "audit" {
  bucket = "example-audit-trail"
}

resource "aws_cloudtrail" "audit" { # expect: PASS "every region"
  name                  = "audit"
  s3_bucket_name        = aws_s3_bucket.audit.id
  is_multi_region_trail = true
}
