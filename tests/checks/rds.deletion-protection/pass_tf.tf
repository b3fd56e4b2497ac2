resource "aws_rds_cluster" "payments" { # expect: PASS "deletion protection on"
  cluster_identifier          = "payments"
  engine                      = "aurora-postgresql"
  master_username             = "payments"
  manage_master_user_password = true
  deletion_protection         = true
}

resource "aws_rds_cluster_instance" "payments" { # expect: NOT_APPLICABLE "judged on the cluster"
  identifier         = "payments-1"
  cluster_identifier = aws_rds_cluster.payments.id
  engine             = "aurora-postgresql"
  instance_class     = "db.r6g.large"
}
