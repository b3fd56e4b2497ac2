# Whether images are scanned is a variable nobody set.

variable "scan_images" {
  type = bool
}

resource "aws_ecr_repository" "api" { # expect: UNKNOWN "ScanOnPush is not known"
  name = "shop/api"

  image_scanning_configuration {
    scan_on_push = var.scan_images
  }
}
