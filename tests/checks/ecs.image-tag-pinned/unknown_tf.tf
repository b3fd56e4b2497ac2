# The image tag is given at deployment.

variable "image_tag" {
  type = string
}

resource "aws_ecr_repository" "api" {
  name = "api"
}

resource "aws_ecs_task_definition" "api" { # expect: UNKNOWN "the image tag is not known"
  family = "api"
  container_definitions = jsonencode([{
    name   = "api"
    image  = "${aws_ecr_repository.api.repository_url}:${var.image_tag}"
    memory = 512
  }])
}
