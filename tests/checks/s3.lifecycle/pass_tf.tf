resource "aws_s3_bucket" "data" { # expect: PASS "1 enabled lifecycle rule"
  bucket = "example-data"
}

resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    id     = "tier-and-expire"
    status = "Enabled"
    filter {}
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
    noncurrent_version_expiration {
      noncurrent_days = 90
    }
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
  }
}

# Provider v3 inline rules: enabled = true is Status Enabled.
resource "aws_s3_bucket" "exports" { # expect: PASS "2 enabled lifecycle rules"
  bucket = "example-exports"

  lifecycle_rule {
    id      = "tmp"
    enabled = true
    prefix  = "tmp/"
    expiration {
      days = 7
    }
  }

  lifecycle_rule {
    id                                     = "old"
    enabled                                = true
    abort_incomplete_multipart_upload_days = 7
    noncurrent_version_expiration {
      days = 30
    }
  }
}
