# Essential containers without a health check.

resource "aws_ecs_task_definition" "api" { # expect: FAIL "essential container api without a health check"
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  container_definitions = jsonencode([
    {
      name      = "api"
      image     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:3.2.0"
      essential = true
    },
    {
      name      = "xray"
      image     = "public.ecr.aws/xray/aws-xray-daemon:3.3.12"
      essential = false
    },
  ])
}

resource "aws_ecs_service" "api" {
  name            = "api"
  launch_type     = "FARGATE"
  desired_count   = 2
  task_definition = aws_ecs_task_definition.api.arn
}

# Written as JSON text, as the ECS API spells it.
resource "aws_ecs_task_definition" "worker" { # expect: FAIL "worker"
  family                = "worker"
  container_definitions = <<-JSON
    [
      {
        "name": "worker",
        "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/worker:1.0.4",
        "memory": 512
      }
    ]
  JSON
}
