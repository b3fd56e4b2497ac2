# Services that cannot survive the loss of a task or a zone.

resource "aws_ecs_cluster" "main" {
  name = "shop"
}

# Terraform creates a service without desired_count with no task at all.
resource "aws_ecs_service" "worker" { # expect: FAIL "runs 0 task"
  name            = "worker"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "EC2"
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/worker:3"
}

# Binpack placement ignores zones.
resource "aws_ecs_service" "api" { # expect: FAIL "ignores zones"
  name            = "api"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "EC2"
  desired_count   = 4
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/api:7"

  ordered_placement_strategy {
    type  = "binpack"
    field = "memory"
  }
}
