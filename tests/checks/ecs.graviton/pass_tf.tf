# A Fargate task on Graviton.

resource "aws_ecs_task_definition" "api" { # expect: PASS "Graviton"
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode([{
    name  = "api"
    image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:3.2.0"
  }])
}
