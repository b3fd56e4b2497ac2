resource "aws_opensearch_domain" "logs" { # expect: PASS "3 dedicated master nodes"
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    instance_count           = 3
    dedicated_master_enabled = true
    dedicated_master_count   = 3
    dedicated_master_type    = "m6g.large.search"
  }
}
