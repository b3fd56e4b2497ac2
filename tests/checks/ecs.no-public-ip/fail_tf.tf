# Tasks with public addresses.

resource "aws_ecs_cluster" "main" {
  name = "shop"
}

resource "aws_ecs_service" "web" { # expect: FAIL "public IP address"
  name            = "web"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "FARGATE"
  desired_count   = 2
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:3"

  network_configuration {
    subnets          = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
    security_groups  = ["sg-0123456789abcdef0"]
    assign_public_ip = true
  }
}
