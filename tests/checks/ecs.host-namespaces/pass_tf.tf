# Containers in their own namespaces, or host networking as a non-root user.

resource "aws_ecs_task_definition" "api" { # expect: PASS "own process, IPC and network namespaces"
  family       = "api"
  network_mode = "awsvpc"
  container_definitions = jsonencode([{
    name   = "api"
    image  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:3.2.0"
    memory = 512
  }])
}

resource "aws_ecs_task_definition" "proxy" { # expect: PASS "every container runs as a non-root user"
  family       = "proxy"
  network_mode = "host"
  container_definitions = jsonencode([{
    name   = "proxy"
    image  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/proxy:2.4.1"
    memory = 256
    user   = "1000:1000"
  }])
}
