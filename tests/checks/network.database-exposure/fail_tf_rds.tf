resource "aws_db_instance" "reporting" { # expect: FAIL "PubliclyAccessible is true"
  identifier                  = "reporting"
  engine                      = "mysql"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "reporting"
  manage_master_user_password = true
  publicly_accessible         = true
}
