# Lifecycle policies, attached by reference and by the repository's name.

resource "aws_ecr_repository" "api" { # expect: PASS "a lifecycle policy expires old images"
  name = "api"
}

resource "aws_ecr_lifecycle_policy" "api" {
  repository = aws_ecr_repository.api.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "keep the last 30 images"
      selection = {
        tagStatus   = "any"
        countType   = "imageCountMoreThan"
        countNumber = 30
      }
      action = { type = "expire" }
    }]
  })
}

resource "aws_ecr_repository" "worker" { # expect: PASS "a lifecycle policy expires old images"
  name = "worker"
}

resource "aws_ecr_lifecycle_policy" "worker" {
  repository = "worker"
  policy     = <<-JSON
    {
      "rules": [{
        "rulePriority": 1,
        "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 14},
        "action": {"type": "expire"}
      }]
    }
  JSON
}
