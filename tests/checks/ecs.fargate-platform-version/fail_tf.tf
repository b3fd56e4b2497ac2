# A Fargate service pinned to an old platform version.

resource "aws_ecs_cluster" "main" {
  name = "shop"
}

resource "aws_ecs_service" "legacy" { # expect: FAIL "pinned to platform version 1.3.0"
  name             = "legacy"
  cluster          = aws_ecs_cluster.main.id
  launch_type      = "FARGATE"
  platform_version = "1.3.0"
  desired_count    = 2
  task_definition  = "arn:aws:ecs:eu-west-1:111122223333:task-definition/legacy:5"
}
