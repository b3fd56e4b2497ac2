resource "aws_cloudfront_distribution" "eu_store" { # expect: PASS "whitelist of 3 countries"
  enabled = true

  origin {
    origin_id   = "store"
    domain_name = "store.example.com"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "store"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "whitelist"
      locations        = ["DE", "FR", "NL"]
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
