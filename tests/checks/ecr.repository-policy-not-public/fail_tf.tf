# Repository policies open to every AWS principal.

resource "aws_ecr_repository" "shared" { # expect: FAIL "PullFromAnywhere allows any AWS principal"
  name = "shared"
}

resource "aws_ecr_repository_policy" "shared" {
  repository = aws_ecr_repository.shared.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PullFromAnywhere"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    }]
  })
}

resource "aws_ecr_repository" "plugins" { # expect: FAIL "statement 1 allows any AWS principal"
  name = "plugins"
}

resource "aws_ecr_repository_policy" "plugins" {
  repository = "plugins"
  policy     = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "*"},
        "Action": "ecr:BatchGetImage"
      }]
    }
  JSON
}
