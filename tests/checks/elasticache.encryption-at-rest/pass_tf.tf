# Encrypted replication group (with a replica node added as its own resource, which has no
# CloudFormation counterpart and carries no verdict) and a serverless cache.

resource "aws_elasticache_subnet_group" "cache" {
  name       = "cache"
  subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

resource "aws_elasticache_replication_group" "sessions" { # expect: PASS "the KMS key in KmsKeyId"
  replication_group_id       = "sessions"
  description                = "user sessions"
  engine                     = "valkey"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  subnet_group_name          = aws_elasticache_subnet_group.cache.name
  at_rest_encryption_enabled = true
  kms_key_id                 = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_elasticache_cluster" "extra_replica" {
  cluster_id           = "sessions-003"
  replication_group_id = aws_elasticache_replication_group.sessions.id
}

resource "aws_elasticache_serverless_cache" "catalog" { # expect: PASS "always encrypted at rest"
  name   = "catalog"
  engine = "valkey"
}

resource "aws_memorydb_cluster" "ledger" {
  name       = "ledger"
  node_type  = "db.r7g.large"
  acl_name   = "open-access"
  num_shards = 1
}
