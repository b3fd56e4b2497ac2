resource "aws_elasticache_cluster" "pages" { # expect: NOT_APPLICABLE "Memcached keeps its data in memory only"
  cluster_id      = "pages"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 2
}
