resource "aws_opensearch_domain" "no_options" { # expect: FAIL "HTTPS enforcement off"
  domain_name    = "no-options"
  engine_version = "OpenSearch_2.13"
}

resource "aws_opensearch_domain" "plain_http" { # expect: FAIL "plain HTTP is accepted"
  domain_name    = "plain-http"
  engine_version = "OpenSearch_2.13"

  domain_endpoint_options {
    enforce_https = false
  }
}
