# A failed deployment stops and rolls back.

resource "aws_ecs_cluster" "main" {
  name = "shop"
}

resource "aws_ecs_service" "checkout" { # expect: PASS "rolls back"
  name                               = "checkout"
  cluster                            = aws_ecs_cluster.main.id
  launch_type                        = "FARGATE"
  desired_count                      = 2
  task_definition                    = "arn:aws:ecs:eu-west-1:111122223333:task-definition/checkout:4"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
