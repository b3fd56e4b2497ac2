resource "aws_opensearch_domain" "default_policy" { # expect: FAIL "no TLSSecurityPolicy"
  domain_name    = "default-policy"
  engine_version = "OpenSearch_2.13"

  domain_endpoint_options {
    enforce_https = true
  }
}

resource "aws_opensearch_domain" "old_tls" { # expect: FAIL "accepts TLS 1.0 and 1.1"
  domain_name    = "old-tls"
  engine_version = "OpenSearch_2.13"

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
  }
}
