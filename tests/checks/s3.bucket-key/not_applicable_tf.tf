# No encryption configuration: S3 encrypts with SSE-S3, which makes no KMS requests.
resource "aws_s3_bucket" "thumbnails" { # expect: NOT_APPLICABLE "SSE-S3"
  bucket = "example-thumbnails"
}

resource "aws_s3_bucket" "exports" { # expect: NOT_APPLICABLE "SSE-S3"
  bucket = "example-exports"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "exports" {
  bucket = aws_s3_bucket.exports.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
