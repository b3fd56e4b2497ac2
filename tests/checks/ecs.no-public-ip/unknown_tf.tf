# Whether tasks get a public address is decided by a variable nobody set.

variable "public_tasks" {
  type = bool
}

resource "aws_ecs_cluster" "main" {
  name = "shop"
}

resource "aws_ecs_service" "web" { # expect: UNKNOWN "AssignPublicIp is not known"
  name            = "web"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "FARGATE"
  desired_count   = 2
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:3"

  network_configuration {
    subnets          = ["subnet-0a1b2c3d4e5f60718"]
    assign_public_ip = var.public_tasks
  }
}
