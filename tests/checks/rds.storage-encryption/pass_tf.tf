# Encrypted storage on an instance (customer key) and an Aurora cluster; the cluster's
# instance, a proxy in front of it and its event subscription come along.

resource "aws_kms_key" "db" {
  description         = "database storage"
  enable_key_rotation = true
}

resource "aws_db_subnet_group" "db" {
  name       = "db"
  subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

resource "aws_db_instance" "orders" { # expect: PASS "the KMS key in KmsKeyId"
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.db.name
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.db.arn
}

resource "aws_rds_cluster" "catalog" { # expect: PASS "the AWS managed key aws/rds"
  cluster_identifier          = "catalog"
  engine                      = "aurora-mysql"
  master_username             = "catalog"
  manage_master_user_password = true
  storage_encrypted           = true
  db_subnet_group_name        = aws_db_subnet_group.db.name
}

resource "aws_rds_cluster_instance" "catalog" { # expect: NOT_APPLICABLE "a cluster setting"
  identifier         = "catalog-1"
  cluster_identifier = aws_rds_cluster.catalog.id
  engine             = aws_rds_cluster.catalog.engine
  instance_class     = "db.r6g.large"
}

resource "aws_iam_role" "proxy" {
  name = "catalog-proxy"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "rds.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_db_proxy" "catalog" {
  name           = "catalog"
  engine_family  = "MYSQL"
  role_arn       = aws_iam_role.proxy.arn
  require_tls    = true
  vpc_subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]

  auth {
    auth_scheme = "SECRETS"
    iam_auth    = "REQUIRED"
    secret_arn  = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:catalog-AbCdEf"
  }
}

resource "aws_sns_topic" "db_events" {
  name = "db-events"
}

resource "aws_db_event_subscription" "catalog" {
  name        = "catalog-events"
  sns_topic   = aws_sns_topic.db_events.arn
  source_type = "db-cluster"
  source_ids  = [aws_rds_cluster.catalog.id]
}
