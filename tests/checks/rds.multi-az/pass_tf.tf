# A Multi-AZ instance, and an Aurora cluster with a writer and a reader.

resource "aws_db_instance" "orders" { # expect: PASS "Multi-AZ with a synchronous standby"
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
  multi_az                    = true
}

resource "aws_rds_cluster" "catalog" { # expect: PASS "2 instances"
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

resource "aws_rds_cluster_instance" "reader" { # expect: NOT_APPLICABLE
  identifier         = "catalog-reader"
  cluster_identifier = aws_rds_cluster.catalog.cluster_identifier
  engine             = "aurora-mysql"
  instance_class     = "db.r6g.large"
}
