resource "aws_opensearch_domain" "logs" { # expect: FAIL "node-to-node encryption off"
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  node_to_node_encryption {
    enabled = false
  }
}
