variable "versioning_status" {
  type        = string
  description = "Enabled in production, Suspended elsewhere; no default."
}

resource "aws_s3_bucket" "documents" { # expect: UNKNOWN "the versioning status is not known"
  bucket = "example-documents"
}

resource "aws_s3_bucket_versioning" "documents" {
  bucket = aws_s3_bucket.documents.id
  versioning_configuration {
    status = var.versioning_status
  }
}
