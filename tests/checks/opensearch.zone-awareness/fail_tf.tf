resource "aws_opensearch_domain" "single_zone" { # expect: FAIL "all data nodes in one availability zone"
  domain_name    = "single-zone"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    instance_type  = "r6g.large.search"
    instance_count = 3
  }
}

resource "aws_elasticsearch_domain" "small" { # expect: FAIL "zone awareness on, but 2 data nodes"
  domain_name           = "small"
  elasticsearch_version = "7.10"

  cluster_config {
    instance_type          = "r6g.large.elasticsearch"
    instance_count         = 2
    zone_awareness_enabled = true
  }
}
