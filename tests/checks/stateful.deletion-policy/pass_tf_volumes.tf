# Destroying the volume takes a final snapshot first.

resource "aws_ebs_volume" "data" { # expect: PASS "DeletionPolicy Snapshot, UpdateReplacePolicy Snapshot"
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
  encrypted         = true
  final_snapshot    = true
}

resource "aws_ebs_volume" "ledger" { # expect: PASS "DeletionPolicy Retain"
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
  encrypted         = true

  lifecycle {
    prevent_destroy = true
  }
}
