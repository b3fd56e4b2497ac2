# Repositories whose tags can be pushed over.

resource "aws_ecr_repository" "api" { # expect: FAIL "tags are mutable (the default)"
  name = "api"
}

resource "aws_ecr_repository" "worker" { # expect: FAIL "a push can silently replace the image"
  name                 = "worker"
  image_tag_mutability = "MUTABLE"
}
