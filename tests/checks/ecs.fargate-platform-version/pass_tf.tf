# Fargate services on the latest platform version.

resource "aws_ecs_cluster" "main" {
  name = "shop"
}

resource "aws_ecs_service" "api" { # expect: PASS "LATEST platform version (the default)"
  name            = "api"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "FARGATE"
  desired_count   = 2
  task_definition = aws_ecs_task_definition.api.arn
}

resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name  = "api"
    image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:2.0.1"
  }])
}

resource "aws_ecs_service" "worker" { # expect: PASS "pinned to 1.4.0, the latest Linux"
  name             = "worker"
  cluster          = aws_ecs_cluster.main.id
  launch_type      = "FARGATE"
  platform_version = "1.4.0"
  desired_count    = 2
  task_definition  = aws_ecs_task_definition.api.arn
}
