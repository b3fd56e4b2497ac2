resource "aws_s3_bucket" "audit" {
  bucket = "example-audit-trail"
}

# is_multi_region_trail defaults to false in the provider.
resource "aws_cloudtrail" "audit" { # expect: FAIL "records only the region it is created in"
  name           = "audit"
  s3_bucket_name = aws_s3_bucket.audit.id
}
