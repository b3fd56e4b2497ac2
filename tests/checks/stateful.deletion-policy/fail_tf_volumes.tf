resource "aws_ebs_volume" "data" { # expect: FAIL "DeletionPolicy Delete: the data is deleted"
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
  encrypted         = true
}
