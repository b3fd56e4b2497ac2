# The database admits the application's group only.

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "app" { # expect: PASS
  name   = "app"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group" "database" { # expect: PASS "no rule opens database, cache or file-share ports"
  name   = "database"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.app.id]
  }
}

resource "aws_vpc_security_group_ingress_rule" "mysql" { # expect: PASS
  security_group_id            = aws_security_group.database.id
  ip_protocol                  = "tcp"
  from_port                    = 3306
  to_port                      = 3306
  referenced_security_group_id = aws_security_group.app.id
}
