# Image builds need the Docker daemon, hence privileged mode.

resource "aws_ecr_repository" "api" {
  name                 = "api"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_codebuild_project" "image" { # expect: NOT_APPLICABLE "its buildspec runs docker"
  name         = "image"
  service_role = "arn:aws:iam::111122223333:role/codebuild"

  artifacts {
    type = "NO_ARTIFACTS"
  }

  environment {
    compute_type    = "BUILD_GENERAL1_MEDIUM"
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
            - docker build -t api .
    YAML
  }
}

resource "aws_codebuild_project" "worker_image" { # expect: NOT_APPLICABLE "environment variable REPOSITORY_URI names ECR repository aws_ecr_repository.api"
  name         = "worker-image"
  service_role = "arn:aws:iam::111122223333:role/codebuild"

  artifacts {
    type = "NO_ARTIFACTS"
  }

  environment {
    compute_type    = "BUILD_GENERAL1_MEDIUM"
    image           = "aws/codebuild/amazonlinux2-x86_64-standard:5.0"
    type            = "LINUX_CONTAINER"
    privileged_mode = true

    environment_variable {
      name  = "REPOSITORY_URI"
      value = aws_ecr_repository.api.repository_url
    }
  }

  source {
    type     = "CODECOMMIT"
    location = "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/worker"
  }
}
