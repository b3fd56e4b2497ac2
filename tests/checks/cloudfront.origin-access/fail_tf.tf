resource "aws_s3_bucket" "docs" {
  bucket = "shop-docs"
}

resource "aws_cloudfront_origin_access_identity" "docs" {
  comment = "docs"
}

resource "aws_cloudfront_distribution" "docs" { # expect: FAIL "origin docs uses a legacy origin access identity"
  enabled = true

  origin {
    origin_id   = "docs"
    domain_name = aws_s3_bucket.docs.bucket_regional_domain_name

    s3_origin_config {
      origin_access_identity = aws_cloudfront_origin_access_identity.docs.cloudfront_access_identity_path
    }
  }

  default_cache_behavior {
    target_origin_id       = "docs"
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

resource "aws_cloudfront_distribution" "media" { # expect: FAIL "origin media reads the bucket anonymously"
  enabled = true

  origin {
    origin_id   = "media"
    domain_name = "shop-media.s3.eu-west-1.amazonaws.com"
  }

  default_cache_behavior {
    target_origin_id       = "media"
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
