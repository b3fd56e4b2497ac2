resource "aws_s3_bucket" "scratch" { # expect: FAIL "no bucket policy"
  bucket = "example-scratch"
}

# A policy, but one that only grants a role access.
resource "aws_s3_bucket" "shared" { # expect: FAIL "does not deny requests without TLS"
  bucket = "example-shared"
}

resource "aws_s3_bucket_policy" "shared" {
  bucket = aws_s3_bucket.shared.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:role/reporting" }
      Action    = ["s3:GetObject", "s3:ListBucket"]
      Resource  = [aws_s3_bucket.shared.arn, "${aws_s3_bucket.shared.arn}/*"]
    }]
  })
}
