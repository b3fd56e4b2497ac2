# Build artifacts under AWS-managed keys.

resource "aws_codebuild_project" "unit_tests" { # expect: FAIL "no EncryptionKey"
  name         = "unit-tests"
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
}

resource "aws_codebuild_project" "package" { # expect: FAIL "EncryptionKey alias/aws/s3 is an AWS-managed key"
  name           = "package"
  service_role   = "arn:aws:iam::111122223333:role/codebuild"
  encryption_key = "alias/aws/s3"

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
