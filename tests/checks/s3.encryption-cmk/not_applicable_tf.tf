resource "aws_s3_bucket" "site" { # expect: NOT_APPLICABLE "hosts a static website"
  bucket = "example-site"
}

resource "aws_s3_bucket_website_configuration" "site" {
  bucket = aws_s3_bucket.site.id
  index_document {
    suffix = "index.html"
  }
  error_document {
    key = "error.html"
  }
}
