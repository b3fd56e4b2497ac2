# Build artifacts under a customer-managed key.

resource "aws_codebuild_project" "build" { # expect: PASS "customer-managed key"
  name           = "build"
  service_role   = "arn:aws:iam::111122223333:role/codebuild"
  encryption_key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

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
