# Performance Insights on an instance, and on Aurora instances directly or from the cluster.

resource "aws_db_instance" "orders" { # expect: PASS "Performance Insights on, its data encrypted with the named KMS key"
  identifier                      = "orders"
  engine                          = "postgres"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 100
  username                        = "orders"
  manage_master_user_password     = true
  performance_insights_enabled    = true
  performance_insights_kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_rds_cluster" "catalog" { # expect: NOT_APPLICABLE
  cluster_identifier           = "catalog"
  engine                       = "aurora-postgresql"
  master_username              = "catalog"
  manage_master_user_password  = true
  performance_insights_enabled = true
}

resource "aws_rds_cluster_instance" "writer" { # expect: PASS "PerformanceInsightsEnabled of DB cluster aws_rds_cluster.catalog"
  identifier         = "catalog-writer"
  cluster_identifier = aws_rds_cluster.catalog.id
  engine             = "aurora-postgresql"
  instance_class     = "db.r6g.large"
}

resource "aws_rds_cluster_instance" "reader" { # expect: PASS "Performance Insights on,"
  identifier                   = "catalog-reader"
  cluster_identifier           = aws_rds_cluster.catalog.id
  engine                       = "aurora-postgresql"
  instance_class               = "db.r6g.large"
  performance_insights_enabled = true
}
