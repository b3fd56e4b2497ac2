resource "aws_instance" "nat" { # expect: NOT_APPLICABLE "a NAT instance (SourceDestCheck false)"
  ami               = "ami-0a1b2c3d4e5f60718"
  instance_type     = "t3.small"
  subnet_id         = "subnet-0a1b2c3d4e5f60718"
  source_dest_check = false
}
