resource "aws_elasticache_replication_group" "plain" { # expect: FAIL "TransitEncryptionEnabled is not true"
  replication_group_id = "plain"
  description          = "no TLS"
  node_type            = "cache.r7g.large"
  num_cache_clusters   = 2
}

resource "aws_elasticache_replication_group" "migrating" { # expect: FAIL "TransitEncryptionMode is preferred"
  replication_group_id       = "migrating"
  description                = "TLS being rolled out"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
  transit_encryption_mode    = "preferred"
}
