resource "aws_elasticache_replication_group" "open" { # expect: FAIL "neither an AuthToken nor RBAC user groups"
  replication_group_id       = "open"
  description                = "anyone on the network"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
}

resource "aws_elasticache_serverless_cache" "catalog" { # expect: FAIL "no user group"
  name   = "catalog"
  engine = "redis"
}
