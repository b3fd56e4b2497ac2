# S3's default encryption only (SSE-S3), and SSE-KMS with the AWS-managed key aws/s3.

resource "aws_s3_bucket" "uploads" { # expect: FAIL "SSE-S3 only"
  bucket = "example-uploads"
}

resource "aws_s3_bucket" "documents" { # expect: FAIL "aws:kms with no KMSMasterKeyID"
  bucket = "example-documents"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "documents" {
  bucket = aws_s3_bucket.documents.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket" "records" { # expect: FAIL "an AWS-managed key"
  bucket = "example-records"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "records" {
  bucket = aws_s3_bucket.records.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "alias/aws/s3"
    }
  }
}
