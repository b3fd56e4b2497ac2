# The repository policy is given at deployment.

variable "repository_policy" {
  type = string
}

resource "aws_ecr_repository" "shared" { # expect: UNKNOWN "the repository policy is not known"
  name = "shared"
}

resource "aws_ecr_repository_policy" "shared" {
  repository = aws_ecr_repository.shared.name
  policy     = var.repository_policy
}
