resource "aws_opensearch_domain" "spread" { # expect: PASS "3 data nodes spread across availability zones"
  domain_name    = "spread"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 3
    zone_awareness_enabled = true
    zone_awareness_config {
      availability_zone_count = 3
    }
  }
}

resource "aws_opensearch_domain" "standby" { # expect: PASS "Multi-AZ with standby"
  domain_name    = "standby"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    instance_type                 = "r6g.large.search"
    instance_count                = 3
    zone_awareness_enabled        = true
    multi_az_with_standby_enabled = true
    dedicated_master_enabled      = true
    dedicated_master_count        = 3
    dedicated_master_type         = "m6g.large.search"
  }
}
