# Encryption that the configuration does not decide.

resource "aws_instance" "app" { # expect: UNKNOWN "declares no EBS volume"
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
}

resource "aws_ebs_volume" "restored" { # expect: UNKNOWN "created from SnapshotId"
  availability_zone = "eu-west-1a"
  snapshot_id       = "snap-0a1b2c3d4e5f60718"
  type              = "gp3"
}
