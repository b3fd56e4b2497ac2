# The key is given at deployment.

variable "artifact_key_arn" {
  type = string
}

resource "aws_codebuild_project" "build" { # expect: UNKNOWN "the key is not known"
  name           = "build"
  service_role   = "arn:aws:iam::111122223333:role/codebuild"
  encryption_key = var.artifact_key_arn

  artifacts {
    type     = "S3"
    location = "shop-build-artifacts"
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/amazonlinux2-x86_64-standard:5.0"
    type         = "LINUX_CONTAINER"
  }

  source {
    type     = "GITHUB"
    location = "https://github.com/example/shop.git"
  }
}
