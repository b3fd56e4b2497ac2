resource "aws_kms_key" "events" {
  enable_key_rotation = true
}

resource "aws_s3_bucket" "events" { # expect: PASS "SSE-KMS with an S3 Bucket Key"
  bucket = "example-events"

  # provider v3 inline form
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = aws_kms_key.events.arn
      }
      bucket_key_enabled = true
    }
  }
}
