# A single-AZ instance, and an Aurora cluster with one instance.

resource "aws_db_instance" "orders" { # expect: FAIL "single-AZ"
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
}

resource "aws_rds_cluster" "catalog" { # expect: FAIL "one instance (aws_rds_cluster_instance.writer)"
  cluster_identifier          = "catalog"
  engine                      = "aurora-mysql"
  master_username             = "catalog"
  manage_master_user_password = true
}

resource "aws_rds_cluster_instance" "writer" { # expect: NOT_APPLICABLE
  identifier         = "catalog-writer"
  cluster_identifier = aws_rds_cluster.catalog.id
  engine             = "aurora-mysql"
  instance_class     = "db.r6g.large"
}
