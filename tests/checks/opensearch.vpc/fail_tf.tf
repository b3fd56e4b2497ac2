resource "aws_opensearch_domain" "public" { # expect: FAIL "a public endpoint"
  domain_name    = "public"
  engine_version = "OpenSearch_2.13"
}
