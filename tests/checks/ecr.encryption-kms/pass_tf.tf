# Repositories encrypted with KMS keys.

resource "aws_kms_key" "images" {
  description         = "ECR images"
  enable_key_rotation = true
}

resource "aws_ecr_repository" "api" { # expect: PASS "images encrypted with KMS (a customer-managed key)"
  name = "api"

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.images.arn
  }
}

resource "aws_ecr_repository" "worker" { # expect: PASS "(the AWS-managed key aws/ecr)"
  name = "worker"

  encryption_configuration {
    encryption_type = "KMS"
  }
}
