# Services whose tasks are spread across zones.

resource "aws_ecs_cluster" "main" {
  name = "shop"
}

resource "aws_ecs_service" "api" { # expect: PASS "spread across zones by its placement strategy"
  name            = "api"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "EC2"
  desired_count   = 4
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/api:7"

  ordered_placement_strategy {
    type  = "spread"
    field = "attribute:ecs.availability-zone"
  }

  ordered_placement_strategy {
    type  = "binpack"
    field = "memory"
  }
}

resource "aws_ecs_service" "web" { # expect: PASS "ECS's default placement"
  name            = "web"
  cluster         = aws_ecs_cluster.main.id
  launch_type     = "EC2"
  desired_count   = 2
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:2"
}
