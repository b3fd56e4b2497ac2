resource "aws_s3_bucket" "documents" { # expect: PASS "versioning enabled"
  bucket = "example-documents"
}

resource "aws_s3_bucket_versioning" "documents" {
  bucket = aws_s3_bucket.documents.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "contracts" { # expect: PASS "versioning enabled"
  bucket = "example-contracts"
  versioning {
    enabled = true
  }
}
