variable "record_global_types" {
  type        = bool
  description = "True only in the home region; no default."
}

resource "aws_config_configuration_recorder" "main" { # expect: UNKNOWN "whether global IAM types are recorded is not known"
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/config"

  recording_group {
    all_supported                 = true
    include_global_resource_types = var.record_global_types
  }
}
