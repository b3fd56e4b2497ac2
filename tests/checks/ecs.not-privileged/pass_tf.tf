# No container runs privileged.

resource "aws_ecs_task_definition" "api" { # expect: PASS "no container runs privileged"
  family = "api"
  container_definitions = jsonencode([
    {
      name       = "api"
      image      = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:3.2.0"
      memory     = 512
      privileged = false
    },
    {
      name   = "worker"
      image  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/worker:1.0.4"
      memory = 256
    },
  ])
}
