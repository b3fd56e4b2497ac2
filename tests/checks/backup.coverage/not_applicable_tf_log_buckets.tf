# Buckets the configuration shows to hold no data of their own: the trail's and AWS Config's
# log destinations, and a bucket whose every object expires within two weeks.

resource "aws_s3_bucket" "trail" { # expect: NOT_APPLICABLE "receives logs from aws_cloudtrail.audit"
  bucket = "example-audit-trail"
}

resource "aws_cloudtrail" "audit" {
  name                  = "audit"
  s3_bucket_name        = aws_s3_bucket.trail.id
  is_multi_region_trail = true
}

resource "aws_s3_bucket" "config" { # expect: NOT_APPLICABLE "receives logs from aws_config_delivery_channel.main"
  bucket = "example-config-history"
}

resource "aws_config_delivery_channel" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.config.bucket
}

resource "aws_s3_bucket" "scratch" { # expect: NOT_APPLICABLE "every object expires after 14 days"
  bucket = "example-scratch"
}

resource "aws_s3_bucket_lifecycle_configuration" "scratch" {
  bucket = aws_s3_bucket.scratch.id

  rule {
    id     = "expire"
    status = "Enabled"
    filter {}
    expiration {
      days = 14
    }
  }
}
