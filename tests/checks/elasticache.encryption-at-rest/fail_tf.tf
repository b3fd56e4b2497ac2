# A replication group without encryption at rest, and a stand-alone Redis OSS node.

resource "aws_elasticache_replication_group" "sessions" { # expect: FAIL "AtRestEncryptionEnabled is not true"
  replication_group_id = "sessions"
  description          = "user sessions"
  engine               = "redis"
  node_type            = "cache.r7g.large"
  num_cache_clusters   = 2
}

resource "aws_elasticache_cluster" "single" { # expect: FAIL "a stand-alone redis cache cluster cannot encrypt"
  cluster_id      = "single"
  engine          = "redis"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1
}
