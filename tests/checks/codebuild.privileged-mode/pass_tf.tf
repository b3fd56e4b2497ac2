# Build containers without privileged mode.

resource "aws_codebuild_project" "unit_tests" { # expect: PASS "the build container runs unprivileged"
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
