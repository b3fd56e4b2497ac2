# Security groups that open remote administration to the internet, inline and standalone.

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# cidr_blocks is a list: each CIDR is a rule of its own, and one of them is everyone.
resource "aws_security_group" "bastion" { # expect: FAIL "port 22 (SSH) from 0.0.0.0/0"
  name   = "bastion"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}

resource "aws_security_group" "windows" { # expect: FAIL "port 3389 (RDP) from ::/0"
  name   = "windows"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port        = 443
    to_port          = 443
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }

  ingress {
    from_port        = 3389
    to_port          = 3389
    protocol         = "TCP"
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_security_group" "legacy" { # expect: PASS "no rule opens remote administration ports"
  name   = "legacy"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group_rule" "legacy_ftp" { # expect: FAIL "ports 20-23 from 0.0.0.0/0"
  type              = "ingress"
  security_group_id = aws_security_group.legacy.id
  protocol          = "tcp"
  from_port         = 20
  to_port           = 23
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "debug" { # expect: FAIL "all ports from 0.0.0.0/0"
  security_group_id = aws_security_group.legacy.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}
