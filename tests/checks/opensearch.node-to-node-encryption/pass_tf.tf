resource "aws_opensearch_domain" "logs" { # expect: PASS "node-to-node encryption enabled"
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  node_to_node_encryption {
    enabled = true
  }
}
