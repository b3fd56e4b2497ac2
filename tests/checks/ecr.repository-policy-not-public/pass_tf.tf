# Repositories without a policy, or with one that names its principals.

resource "aws_ecr_repository" "private" { # expect: PASS "no repository policy"
  name = "private"
}

resource "aws_ecr_repository" "deploy" { # expect: PASS "the repository policy names its principals"
  name = "deploy"
}

resource "aws_ecr_repository_policy" "deploy" {
  repository = aws_ecr_repository.deploy.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PullFromProduction"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::444455556666:root" }
      Action    = ["ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    }]
  })
}
