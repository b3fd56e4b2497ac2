# Every essential container has a health check.

resource "aws_ecs_task_definition" "api" { # expect: PASS "every essential container has a health check (api)"
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
      healthCheck = {
        command     = ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]
        interval    = 30
        timeout     = 5
        retries     = 3
        startPeriod = 60
      }
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
