# profile: staging
# Staging services on on-demand Fargate only.

resource "aws_ecs_cluster" "main" {
  name = "staging"
}

resource "aws_ecs_service" "worker" { # expect: FAIL "only on on-demand Fargate"
  name            = "worker"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "FARGATE"
  desired_count   = 2
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/worker:8"
}
