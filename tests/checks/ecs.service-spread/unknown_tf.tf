# The task count comes from a variable nobody set.

variable "api_tasks" {
  type = number
}

resource "aws_ecs_cluster" "main" {
  name = "shop"
}

resource "aws_ecs_service" "api" { # expect: UNKNOWN
  name            = "api"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "EC2"
  desired_count   = var.api_tasks
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/api:7"
}
