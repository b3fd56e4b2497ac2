variable "rotate_keys" {
  type        = bool
  description = "No default."
}

resource "aws_kms_key" "data" { # expect: UNKNOWN "rotation is not known"
  description         = "Application data"
  enable_key_rotation = var.rotate_keys
}
