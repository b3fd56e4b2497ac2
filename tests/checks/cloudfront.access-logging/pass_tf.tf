resource "aws_s3_bucket" "logs" {
  bucket = "shop-cdn-logs"
}

resource "aws_cloudfront_distribution" "app" { # expect: PASS "standard logs delivered to S3"
  enabled = true

  logging_config {
    bucket          = aws_s3_bucket.logs.bucket_domain_name
    prefix          = "app/"
    include_cookies = false
  }

  origin {
    origin_id   = "app"
    domain_name = "app.example.com"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "app"
    viewer_protocol_policy = "redirect-to-https"
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
