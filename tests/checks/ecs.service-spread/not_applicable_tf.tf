# A daemon service runs one task per container instance.

resource "aws_ecs_cluster" "main" {
  name = "shop"
}

resource "aws_ecs_service" "agent" { # expect: NOT_APPLICABLE "daemon"
  name                = "log-agent"
  cluster             = aws_ecs_cluster.main.id
  launch_type         = "EC2"
  scheduling_strategy = "DAEMON"
  task_definition     = "arn:aws:ecs:eu-west-1:111122223333:task-definition/log-agent:1"
}
