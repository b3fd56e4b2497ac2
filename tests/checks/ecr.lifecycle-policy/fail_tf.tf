# A repository that keeps every image ever pushed.

resource "aws_ecr_repository" "api" { # expect: FAIL "no lifecycle policy"
  name = "api"
}
