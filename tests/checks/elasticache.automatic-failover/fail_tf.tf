resource "aws_elasticache_replication_group" "single" { # expect: FAIL "one node per shard"
  replication_group_id = "single"
  description          = "no replica"
  node_type            = "cache.r7g.large"
}

resource "aws_elasticache_replication_group" "no_multi_az" { # expect: FAIL "MultiAZEnabled is not true"
  replication_group_id       = "no-multi-az"
  description                = "failover without Multi-AZ"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
}
