resource "aws_kms_key" "data" {
  description         = "Key for the data bucket"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "data" { # expect: PASS "aws:kms with a customer-managed key"
  bucket = "example-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}

# Provider v3: the same setting as an inline block.
resource "aws_s3_bucket" "ledger" { # expect: PASS "aws:kms with a customer-managed key"
  bucket = "example-ledger"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = aws_kms_key.data.arn
      }
    }
  }
}
