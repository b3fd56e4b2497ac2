resource "aws_opensearch_domain" "logs" { # expect: PASS "TLS 1.2 or later only"
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}
