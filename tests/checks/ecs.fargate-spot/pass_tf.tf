# profile: development
# Development services on Spot capacity.

resource "aws_ecs_cluster" "main" {
  name = "dev"
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
}

resource "aws_ecs_service" "worker" { # expect: PASS "Fargate Spot"
  name            = "worker"
  cluster         = aws_ecs_cluster.main.id
  desired_count   = 1
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/worker:8"

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 3
  }
}

# No launch type or strategy: the cluster's default strategy is all Spot.
resource "aws_ecs_service" "checkout" { # expect: PASS "Fargate Spot"
  name            = "checkout"
  cluster         = aws_ecs_cluster.main.id
  desired_count   = 1
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/checkout:2"
}
