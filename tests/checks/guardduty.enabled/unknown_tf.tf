variable "enable_guardduty" {
  type        = bool
  description = "No default."
}

resource "aws_guardduty_detector" "main" { # expect: UNKNOWN "Enable is not known"
  enable = var.enable_guardduty
}
