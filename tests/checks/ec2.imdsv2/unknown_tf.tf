# The token setting comes from a variable nobody set.

variable "metadata_tokens" {
  type = string
}

resource "aws_launch_template" "app" { # expect: UNKNOWN "HttpTokens is not known"
  name          = "app"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"

  metadata_options {
    http_tokens = var.metadata_tokens
  }
}
