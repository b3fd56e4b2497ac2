# Task sizes and container limits.

resource "aws_ecs_task_definition" "api" { # expect: PASS "task size set: Cpu 512, Memory 1024"
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

resource "aws_ecs_task_definition" "worker" { # expect: PASS "every container has a hard memory limit"
  family = "worker"
  container_definitions = jsonencode([{
    name   = "worker"
    image  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/worker:1.0.4"
    memory = 512
  }])
}
