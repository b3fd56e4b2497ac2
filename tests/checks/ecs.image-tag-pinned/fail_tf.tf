# Images that follow a moving tag.

resource "aws_ecr_repository" "api" {
  name                 = "api"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_task_definition" "api" { # expect: FAIL "moving image tag (api runs ${aws_ecr_repository.api."
  family                = "api"
  container_definitions = <<-JSON
    [{"name": "api", "image": "${aws_ecr_repository.api.repository_url}:latest", "memory": 512}]
  JSON
}

resource "aws_ecs_task_definition" "proxy" { # expect: FAIL "proxy runs nginx; metrics runs prom/statsd-exporter:latest"
  family = "proxy"
  container_definitions = jsonencode([
    { name = "proxy", image = "nginx", memory = 128 },
    { name = "metrics", image = "prom/statsd-exporter:latest", memory = 64 },
  ])
}
