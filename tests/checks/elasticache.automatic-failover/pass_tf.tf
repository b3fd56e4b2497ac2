resource "aws_elasticache_replication_group" "sessions" { # expect: PASS "2 nodes per shard"
  replication_group_id       = "sessions"
  description                = "user sessions"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
}

resource "aws_elasticache_replication_group" "sharded" { # expect: PASS "3 nodes per shard"
  replication_group_id       = "sharded"
  description                = "three shards"
  node_type                  = "cache.r7g.large"
  num_node_groups            = 3
  replicas_per_node_group    = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
}
