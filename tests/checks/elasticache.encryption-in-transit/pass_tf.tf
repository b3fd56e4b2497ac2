resource "aws_elasticache_replication_group" "sessions" { # expect: PASS "must connect over TLS"
  replication_group_id       = "sessions"
  description                = "user sessions"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"
}

resource "aws_elasticache_cluster" "pages" { # expect: PASS "must connect over TLS"
  cluster_id                 = "pages"
  engine                     = "memcached"
  node_type                  = "cache.t4g.small"
  num_cache_nodes            = 2
  transit_encryption_enabled = true
}
