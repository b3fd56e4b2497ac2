# Services whose failed deployments do not roll back.

resource "aws_ecs_cluster" "main" {
  name = "shop"
}

# No circuit breaker at all.
resource "aws_ecs_service" "checkout" { # expect: FAIL "no deployment circuit breaker"
  name            = "checkout"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "FARGATE"
  desired_count   = 2
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/checkout:4"
}

# The breaker stops the deployment but leaves the broken revision running.
resource "aws_ecs_service" "catalog" { # expect: FAIL "Rollback is false"
  name            = "catalog"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "FARGATE"
  desired_count   = 2
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/catalog:9"

  deployment_circuit_breaker {
    enable   = true
    rollback = false
  }
}

# Alarm-based rollback only.
resource "aws_ecs_service" "search" { # expect: FAIL "alarm-based rollback is on"
  name            = "search"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "FARGATE"
  desired_count   = 2
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/search:2"

  alarms {
    alarm_names = ["search-5xx"]
    enable      = true
    rollback    = true
  }
}
