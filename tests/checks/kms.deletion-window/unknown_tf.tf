variable "key_deletion_days" {
  type        = number
  description = "No default."
}

resource "aws_kms_key" "data" { # expect: UNKNOWN "the waiting period is not known"
  description             = "Application data"
  enable_key_rotation     = true
  deletion_window_in_days = var.key_deletion_days
}
