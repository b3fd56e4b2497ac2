# The subnet decides, and it comes from a variable nobody set.

variable "subnet_id" {
  type = string
}

resource "aws_instance" "app" { # expect: UNKNOWN "the subnet decides"
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
  subnet_id     = var.subnet_id
}
