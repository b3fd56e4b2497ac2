# Where SSH may come from is a variable nobody set.

variable "ssh_cidr" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "bastion" { # expect: UNKNOWN "port 22 (SSH) from a CIDR known only at deployment"
  name   = "bastion"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.ssh_cidr]
  }
}

resource "aws_security_group_rule" "jump" { # expect: UNKNOWN "known only at deployment"
  type              = "ingress"
  security_group_id = aws_security_group.bastion.id
  protocol          = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_blocks       = [var.ssh_cidr]
}
