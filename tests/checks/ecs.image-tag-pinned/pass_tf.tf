# Images pinned to a version tag or a digest.

resource "aws_ecr_repository" "api" {
  name                 = "api"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_task_definition" "api" { # expect: PASS "every image is pinned to a version tag or digest (api and proxy)"
  family = "api"
  container_definitions = jsonencode([
    {
      name   = "api"
      image  = "${aws_ecr_repository.api.repository_url}:3.2.0"
      memory = 512
    },
    {
      name   = "proxy"
      image  = "public.ecr.aws/nginx/nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac"
      memory = 128
    },
  ])
}
