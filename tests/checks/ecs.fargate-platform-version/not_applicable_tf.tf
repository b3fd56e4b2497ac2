# A service on EC2 capacity has no platform version.

resource "aws_ecs_cluster" "main" {
  name = "shop"
}

resource "aws_ecs_service" "batch" { # expect: NOT_APPLICABLE "does not run on Fargate"
  name            = "batch"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "EC2"
  desired_count   = 2
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/batch:1"
}
