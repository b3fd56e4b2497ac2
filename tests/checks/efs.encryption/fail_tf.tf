# encrypted is not sent when unset, and EFS then creates an unencrypted file system.

resource "aws_efs_file_system" "shared" { # expect: FAIL "not encrypted at rest"
  creation_token = "shared"
}
