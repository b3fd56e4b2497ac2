variable "auth_token" {
  type      = string
  sensitive = true
}

resource "aws_elasticache_replication_group" "token" { # expect: PASS "present the AUTH token, over TLS"
  replication_group_id       = "token"
  description                = "AUTH token"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
  auth_token                 = var.auth_token
}

resource "aws_elasticache_replication_group" "rbac" { # expect: PASS "sign in as an RBAC user"
  replication_group_id       = "rbac"
  description                = "RBAC users"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
  user_group_ids             = ["app-users"]
}

resource "aws_elasticache_serverless_cache" "catalog" { # expect: PASS "RBAC users of a user group"
  name          = "catalog"
  engine        = "valkey"
  user_group_id = "app-users"
}
