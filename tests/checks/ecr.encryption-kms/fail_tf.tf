# Repositories encrypted with S3-managed keys only.

resource "aws_ecr_repository" "api" { # expect: FAIL "S3-managed AES256 keys only"
  name = "api"
}

resource "aws_ecr_repository" "worker" { # expect: FAIL "no key policy or CloudTrail record"
  name = "worker"

  encryption_configuration {
    encryption_type = "AES256"
  }
}
