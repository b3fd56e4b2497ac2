# A build that keeps no logs.

resource "aws_codebuild_project" "unit_tests" { # expect: FAIL "CloudWatch Logs disabled and no S3 logs"
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

  logs_config {
    cloudwatch_logs {
      status = "DISABLED"
    }
  }
}
