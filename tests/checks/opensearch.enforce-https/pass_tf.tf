# enforce_https defaults to true inside domain_endpoint_options.

resource "aws_opensearch_domain" "logs" { # expect: PASS "HTTPS enforcement enabled"
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  domain_endpoint_options {
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}
