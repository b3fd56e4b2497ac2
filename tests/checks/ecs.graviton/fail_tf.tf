# A Fargate task on x86_64.

resource "aws_ecs_task_definition" "api" { # expect: FAIL "runs on x86_64 (the default)"
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  container_definitions = jsonencode([{
    name  = "api"
    image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:3.2.0"
  }])
}
