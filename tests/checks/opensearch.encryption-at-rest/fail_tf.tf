resource "aws_opensearch_domain" "logs" { # expect: FAIL "encryption at rest off"
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"
}

resource "aws_elasticsearch_domain" "legacy" { # expect: FAIL "encryption at rest off"
  domain_name           = "legacy"
  elasticsearch_version = "7.10"

  encrypt_at_rest {
    enabled = false
  }
}
