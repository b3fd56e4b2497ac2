# A bridge-mode service on EC2 has no awsvpc configuration.

resource "aws_ecs_cluster" "main" {
  name = "shop"
}

resource "aws_ecs_service" "legacy" { # expect: NOT_APPLICABLE "no awsvpc network configuration"
  name            = "legacy"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "EC2"
  desired_count   = 2
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/legacy:9"
}
