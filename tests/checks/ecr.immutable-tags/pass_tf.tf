# Repositories whose tags name one image for good.

resource "aws_ecr_repository" "api" { # expect: PASS "tags are immutable"
  name                 = "api"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_repository" "worker" { # expect: PASS "tags are immutable (with exclusion filters)"
  name                 = "worker"
  image_tag_mutability = "IMMUTABLE_WITH_EXCLUSION"

  image_tag_mutability_exclusion_filter {
    filter      = "dev-*"
    filter_type = "WILDCARD"
  }
}
