# Build output stored in plain text.

resource "aws_codebuild_project" "package" { # expect: FAIL "encryption disabled for Artifacts"
  name         = "package"
  service_role = "arn:aws:iam::111122223333:role/codebuild"

  artifacts {
    type                = "S3"
    location            = "shop-build-artifacts"
    encryption_disabled = true
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

resource "aws_codebuild_project" "report" { # expect: FAIL "encryption disabled for LogsConfig.S3Logs"
  name         = "report"
  service_role = "arn:aws:iam::111122223333:role/codebuild"

  artifacts {
    type = "NO_ARTIFACTS"
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
      status              = "ENABLED"
      location            = "shop-build-logs/report"
      encryption_disabled = true
    }
  }
}
