# Every setting on: one block names its bucket by reference, one by its literal name.

resource "aws_s3_bucket" "invoices" { # expect: PASS "all four public access block settings enabled"
  bucket = "example-invoices"
}

resource "aws_s3_bucket_public_access_block" "invoices" {
  bucket                  = aws_s3_bucket.invoices.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "exports" { # expect: PASS "all four public access block settings enabled"
  bucket = "example-exports"
}

resource "aws_s3_bucket_public_access_block" "exports" {
  bucket                  = "example-exports"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
