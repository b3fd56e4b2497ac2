resource "aws_s3_bucket" "uploads" { # expect: FAIL "no lifecycle rules"
  bucket = "example-uploads"
}

resource "aws_s3_bucket" "reports" { # expect: FAIL "every lifecycle rule is disabled"
  bucket = "example-reports"
}

resource "aws_s3_bucket_lifecycle_configuration" "reports" {
  bucket = aws_s3_bucket.reports.id
  rule {
    id     = "archive"
    status = "Disabled"
    filter {}
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
  }
}
