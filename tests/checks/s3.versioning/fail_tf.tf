resource "aws_s3_bucket" "uploads" { # expect: FAIL "no versioning"
  bucket = "example-uploads"
}

resource "aws_s3_bucket" "drafts" { # expect: FAIL "versioning suspended"
  bucket = "example-drafts"
}

resource "aws_s3_bucket_versioning" "drafts" {
  bucket = aws_s3_bucket.drafts.id
  versioning_configuration {
    status = "Suspended"
  }
}

# Provider v3: versioning { enabled = false } on a new bucket never turns versioning on.
resource "aws_s3_bucket" "scratch" { # expect: FAIL "no versioning"
  bucket = "example-scratch"
  versioning {
    enabled = false
  }
}
