resource "aws_elasticache_replication_group" "sessions" { # expect: FAIL "unset, so 0"
  replication_group_id = "sessions"
  description          = "user sessions"
  node_type            = "cache.r7g.large"
  num_cache_clusters   = 2
}
