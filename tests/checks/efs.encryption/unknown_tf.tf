variable "encrypt" {
  type = bool
}

resource "aws_efs_file_system" "shared" { # expect: UNKNOWN "Encrypted is not known"
  creation_token = "shared"
  encrypted      = var.encrypt
}
