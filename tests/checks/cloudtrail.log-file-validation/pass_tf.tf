resource "aws_cloudtrail" "audit" { # expect: PASS "signed digest files"
  name                       = "audit"
  s3_bucket_name             = "example-audit-trail"
  enable_log_file_validation = true
}
