# Tasks with private addresses only.

resource "aws_ecs_cluster" "main" {
  name = "shop"
}

resource "aws_ecs_service" "api" { # expect: PASS "private addresses only"
  name            = "api"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "FARGATE"
  desired_count   = 2
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/api:3"

  network_configuration {
    subnets          = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
    security_groups  = ["sg-0123456789abcdef0"]
    assign_public_ip = false
  }
}

# The provider's default is no public address.
resource "aws_ecs_service" "worker" { # expect: PASS "private addresses only"
  name            = "worker"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "FARGATE"
  desired_count   = 2
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/worker:3"

  network_configuration {
    subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  }
}
