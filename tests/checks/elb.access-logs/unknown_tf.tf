variable "access_logs_enabled" {
  type = bool
}

resource "aws_lb" "shop" { # expect: UNKNOWN "access_logs.s3.enabled is not known"
  name    = "shop"
  subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]

  access_logs {
    bucket  = "shop-lb-logs"
    enabled = var.access_logs_enabled
  }
}
