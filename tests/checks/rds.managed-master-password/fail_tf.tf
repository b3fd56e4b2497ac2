resource "aws_db_instance" "orders" { # expect: FAIL "written in the template"
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  allocated_storage = 100
  username          = "orders"
  password          = "Sup3rSecret!"
}
