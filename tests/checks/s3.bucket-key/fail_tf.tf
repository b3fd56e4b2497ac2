resource "aws_kms_key" "events" {
  enable_key_rotation = true
}

resource "aws_s3_bucket" "events" { # expect: FAIL "SSE-KMS without BucketKeyEnabled"
  bucket = "example-events"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "events" {
  bucket = aws_s3_bucket.events.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.events.arn
    }
  }
}
