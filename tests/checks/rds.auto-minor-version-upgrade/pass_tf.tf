# The provider's default is on for both instance types.

resource "aws_db_instance" "orders" { # expect: PASS "(the default)"
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
}

resource "aws_rds_cluster" "shop" { # expect: NOT_APPLICABLE
  cluster_identifier          = "shop"
  engine                      = "aurora-mysql"
  master_username             = "shop"
  manage_master_user_password = true
}

resource "aws_rds_cluster_instance" "shop" { # expect: PASS "applied automatically"
  identifier         = "shop-1"
  cluster_identifier = aws_rds_cluster.shop.id
  engine             = "aurora-mysql"
  instance_class     = "db.r6g.large"
}
