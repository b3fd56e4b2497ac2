resource "aws_kms_key" "trail" {
  description         = "CloudTrail log files"
  enable_key_rotation = true
}

resource "aws_cloudtrail" "audit" { # expect: PASS "encrypted with a KMS key"
  name           = "audit"
  s3_bucket_name = "example-audit-trail"
  kms_key_id     = aws_kms_key.trail.arn
}
