variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "orders" { # expect: UNKNOWN "MasterUserPassword is not known"
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  allocated_storage = 100
  username          = "orders"
  password          = var.db_password
}
