# Databases and caches opened to the internet.

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "database" { # expect: FAIL "port 5432 (PostgreSQL) from 0.0.0.0/0"
  name   = "database"
  vpc_id = aws_vpc.main.id

  ingress {
    description = "PostgreSQL"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16", "0.0.0.0/0"]
  }
}

resource "aws_security_group" "cache" { # expect: PASS "no rule opens database, cache or file-share ports"
  name   = "cache"
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "redis" { # expect: FAIL "port 6379 (Redis) from ::/0"
  security_group_id = aws_security_group.cache.id
  ip_protocol       = "tcp"
  from_port         = 6379
  to_port           = 6379
  cidr_ipv6         = "::/0"
}
