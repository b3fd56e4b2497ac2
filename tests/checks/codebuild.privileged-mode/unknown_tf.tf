# Privileged, with the buildspec in the repository.

resource "aws_codebuild_project" "integration" { # expect: UNKNOWN "the buildspec lives with the source"
  name         = "integration"
  service_role = "arn:aws:iam::111122223333:role/codebuild"

  artifacts {
    type = "NO_ARTIFACTS"
  }

  environment {
    compute_type    = "BUILD_GENERAL1_SMALL"
    image           = "aws/codebuild/amazonlinux2-x86_64-standard:5.0"
    type            = "LINUX_CONTAINER"
    privileged_mode = true
  }

  source {
    type      = "GITHUB"
    location  = "https://github.com/example/shop.git"
    buildspec = "ci/integration.yml"
  }
}
