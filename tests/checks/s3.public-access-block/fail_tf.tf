# No public access block at all, and one that leaves two settings at the provider's default
# of false (which it sends, replacing the block S3 gives new buckets).

resource "aws_s3_bucket" "uploads" { # expect: FAIL "no PublicAccessBlockConfiguration"
  bucket = "example-uploads"
}

resource "aws_s3_bucket" "reports" { # expect: FAIL "IgnorePublicAcls, RestrictPublicBuckets not enabled"
  bucket = "example-reports"
}

resource "aws_s3_bucket_public_access_block" "reports" {
  bucket              = aws_s3_bucket.reports.id
  block_public_acls   = true
  block_public_policy = true
}
