# Privileged mode with nothing that needs Docker.

resource "aws_codebuild_project" "unit_tests" { # expect: FAIL "the inline buildspec runs no docker command"
  name         = "unit-tests"
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
    buildspec = <<-YAML
      version: 0.2
      phases:
        build:
          commands:
            - npm ci
            - npm test
    YAML
  }
}
