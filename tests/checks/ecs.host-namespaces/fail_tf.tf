# Containers that share the host's namespaces.

resource "aws_ecs_task_definition" "debug" { # expect: FAIL "host's process namespace"
  family   = "debug"
  pid_mode = "host"
  container_definitions = jsonencode([{
    name   = "debug"
    image  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/debug:1.0.0"
    memory = 128
  }])
}

resource "aws_ecs_task_definition" "proxy" { # expect: FAIL "host network mode with container proxy running as root"
  family       = "proxy"
  network_mode = "host"
  container_definitions = jsonencode([{
    name   = "proxy"
    image  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/proxy:2.4.1"
    memory = 256
    user   = "root"
  }])
}
