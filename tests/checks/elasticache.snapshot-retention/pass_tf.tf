resource "aws_elasticache_replication_group" "sessions" { # expect: PASS "daily snapshots kept 7 days"
  replication_group_id     = "sessions"
  description              = "user sessions"
  node_type                = "cache.r7g.large"
  num_cache_clusters       = 2
  snapshot_retention_limit = 7
}
