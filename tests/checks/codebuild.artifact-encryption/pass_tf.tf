# Artifacts, secondary artifacts and S3 logs encrypted (the default).

resource "aws_codebuild_project" "package" { # expect: PASS "artifacts and S3 logs are encrypted"
  name         = "package"
  service_role = "arn:aws:iam::111122223333:role/codebuild"

  artifacts {
    type     = "S3"
    location = "shop-build-artifacts"
  }

  secondary_artifacts {
    type                = "S3"
    location            = "shop-build-reports"
    artifact_identifier = "reports"
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

  logs_config {
    s3_logs {
      status   = "ENABLED"
      location = "shop-build-logs/package"
    }
  }
}
