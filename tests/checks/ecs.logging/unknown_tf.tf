# The container definitions come from a variable nobody set.

variable "container_definitions" {
  type = string
}

resource "aws_ecs_task_definition" "api" { # expect: UNKNOWN "container definitions are not known"
  family                = "api"
  container_definitions = var.container_definitions
}
