resource "aws_s3_bucket" "site" {
  bucket = "shop-site"
}

resource "aws_cloudfront_distribution" "site" { # expect: NOT_APPLICABLE "no custom origin"
  enabled = true

  origin {
    origin_id   = "site"
    domain_name = aws_s3_bucket.site.bucket_regional_domain_name
  }

  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
