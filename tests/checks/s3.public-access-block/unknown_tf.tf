variable "allow_public_policy" {
  type        = bool
  description = "Set per environment; no default."
}

resource "aws_s3_bucket" "media" { # expect: UNKNOWN "BlockPublicPolicy is not known"
  bucket = "example-media"
}

resource "aws_s3_bucket_public_access_block" "media" {
  bucket                  = aws_s3_bucket.media.id
  block_public_acls       = true
  block_public_policy     = !var.allow_public_policy
  ignore_public_acls      = true
  restrict_public_buckets = true
}
