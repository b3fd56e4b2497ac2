resource "aws_cloudtrail" "audit" { # expect: FAIL "no log file validation"
  name                  = "audit"
  s3_bucket_name        = "example-audit-trail"
  is_multi_region_trail = true
}
