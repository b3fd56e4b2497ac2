resource "aws_cloudtrail" "audit" { # expect: FAIL "no KMSKeyId"
  name           = "audit"
  s3_bucket_name = "example-audit-trail"
}
