variable "trail_key_arn" {
  type        = string
  description = "No default."
}

resource "aws_cloudtrail" "audit" { # expect: UNKNOWN "the key is not known"
  name           = "audit"
  s3_bucket_name = "example-audit-trail"
  kms_key_id     = var.trail_key_arn
}
