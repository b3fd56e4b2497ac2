# Administration from inside the network only; the internet reaches HTTPS alone.

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "admin" { # expect: PASS "no rule opens remote administration ports"
  name        = "admin"
  description = "SSH from the corporate network"
  vpc_id      = aws_vpc.main.id

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "192.168.0.0/16"]
  }

  ingress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
    self      = true
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "app" { # expect: PASS
  name   = "app"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group_rule" "app_from_admin" { # expect: PASS
  type                     = "ingress"
  security_group_id        = aws_security_group.app.id
  protocol                 = "tcp"
  from_port                = 22
  to_port                  = 22
  source_security_group_id = aws_security_group.admin.id
}

resource "aws_vpc_security_group_ingress_rule" "https" { # expect: PASS
  security_group_id = aws_security_group.app.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

# Egress rules are not ingress: not judged.
resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

# Managing the default group without rules removes the rules AWS gave it.
resource "aws_default_security_group" "default" { # expect: PASS
  vpc_id = aws_vpc.main.id
}
