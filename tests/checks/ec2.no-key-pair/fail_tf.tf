# SSH key pairs on instances and launch templates.

resource "aws_key_pair" "deployer" {
  key_name   = "deployer"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBx7rY0e8hPz3q0kGf1lSx2c3d4e5f6a7b8c9d0e1f2 deployer@example.com"
}

resource "aws_instance" "bastion" { # expect: FAIL "keys are shared"
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.micro"
  key_name      = aws_key_pair.deployer.key_name
}

resource "aws_launch_template" "workers" { # expect: FAIL "key pair ops"
  name          = "workers"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
  key_name      = "ops"
}
