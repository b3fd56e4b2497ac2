# Performance Insights left off on an instance and on an Aurora instance whose cluster
# does not turn it on either.

resource "aws_db_instance" "orders" { # expect: FAIL "Performance Insights off"
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
}

resource "aws_rds_cluster" "search" { # expect: NOT_APPLICABLE "judged on each of its DB instances"
  cluster_identifier          = "search"
  engine                      = "aurora-mysql"
  master_username             = "search"
  manage_master_user_password = true
}

resource "aws_rds_cluster_instance" "search" { # expect: FAIL "Performance Insights off"
  identifier         = "search-1"
  cluster_identifier = aws_rds_cluster.search.id
  engine             = "aurora-mysql"
  instance_class     = "db.r6g.large"
}
