# Terraform takes a final snapshot unless skip_final_snapshot is true (and refuses to
# destroy without a final_snapshot_identifier); prevent_destroy keeps anything.

resource "aws_db_instance" "orders" { # expect: PASS "DeletionPolicy Snapshot"
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
  final_snapshot_identifier   = "orders-final"
}

resource "aws_rds_cluster" "catalog" { # expect: PASS "Snapshot"
  cluster_identifier          = "catalog"
  engine                      = "aurora-postgresql"
  master_username             = "catalog"
  manage_master_user_password = true
  skip_final_snapshot         = false
  final_snapshot_identifier   = "catalog-final"
}

resource "aws_rds_cluster_instance" "catalog" { # expect: NOT_APPLICABLE "its data belongs to the cluster"
  identifier         = "catalog-1"
  cluster_identifier = aws_rds_cluster.catalog.id
  engine             = "aurora-postgresql"
  instance_class     = "db.r6g.large"
}

resource "aws_neptune_cluster" "graph" { # expect: PASS "DeletionPolicy Retain"
  cluster_identifier  = "graph"
  skip_final_snapshot = true

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_redshift_cluster" "warehouse" { # expect: PASS "Snapshot"
  cluster_identifier        = "warehouse"
  node_type                 = "ra3.xlplus"
  number_of_nodes           = 2
  master_username           = "warehouse"
  manage_master_password    = true
  publicly_accessible       = false
  final_snapshot_identifier = "warehouse-final"
}

resource "aws_efs_file_system" "shared" { # expect: PASS "DeletionPolicy Retain"
  creation_token = "shared"
  encrypted      = true

  lifecycle {
    prevent_destroy = true
  }
}
