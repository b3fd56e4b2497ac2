resource "aws_opensearch_domain" "logs" { # expect: FAIL "fine-grained access control, which is off"
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"
}
