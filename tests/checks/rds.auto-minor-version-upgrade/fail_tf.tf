resource "aws_db_instance" "pinned" { # expect: FAIL "automatic minor version upgrades turned off"
  identifier                  = "pinned"
  engine                      = "mysql"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "app"
  manage_master_user_password = true
  auto_minor_version_upgrade  = false
}

resource "aws_rds_cluster" "shop" { # expect: NOT_APPLICABLE
  cluster_identifier          = "shop"
  engine                      = "aurora-mysql"
  master_username             = "shop"
  manage_master_user_password = true
}

resource "aws_rds_cluster_instance" "shop" { # expect: FAIL "turned off"
  identifier                 = "shop-1"
  cluster_identifier         = aws_rds_cluster.shop.id
  engine                     = "aurora-mysql"
  instance_class             = "db.r6g.large"
  auto_minor_version_upgrade = false
}
