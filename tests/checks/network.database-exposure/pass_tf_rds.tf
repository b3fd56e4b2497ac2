# The provider sends publicly_accessible = false when it is not set, so these instances
# get no public address whatever their VPC.

resource "aws_db_instance" "orders" { # expect: PASS "PubliclyAccessible is false"
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
}

resource "aws_rds_cluster" "catalog" { # expect: NOT_APPLICABLE "each instance is judged on its own"
  cluster_identifier          = "catalog"
  engine                      = "aurora-mysql"
  master_username             = "catalog"
  manage_master_user_password = true
}

resource "aws_rds_cluster_instance" "catalog" { # expect: PASS "PubliclyAccessible is false"
  identifier         = "catalog-1"
  cluster_identifier = aws_rds_cluster.catalog.id
  engine             = "aurora-mysql"
  instance_class     = "db.r6g.large"
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier  = "graph"
  skip_final_snapshot = true
}

resource "aws_neptune_cluster_instance" "graph" { # expect: PASS "PubliclyAccessible is false"
  identifier         = "graph-1"
  cluster_identifier = aws_neptune_cluster.graph.id
  instance_class     = "db.r6g.large"
}
