resource "aws_opensearch_domain" "none" { # expect: FAIL "no dedicated master nodes"
  domain_name    = "none"
  engine_version = "OpenSearch_2.13"
}

resource "aws_opensearch_domain" "two" { # expect: FAIL "2 dedicated master nodes"
  domain_name    = "two"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    dedicated_master_enabled = true
    dedicated_master_count   = 2
    dedicated_master_type    = "m6g.large.search"
  }
}
