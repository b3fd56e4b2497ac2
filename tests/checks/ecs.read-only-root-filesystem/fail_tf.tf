# Containers with a writable root filesystem.

resource "aws_ecs_task_definition" "api" { # expect: FAIL "writable root filesystem in containers api and sidecar"
  family = "api"
  container_definitions = jsonencode([
    {
      name   = "api"
      image  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:3.2.0"
      memory = 512
    },
    {
      name                   = "sidecar"
      image                  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/sidecar:0.9.1"
      memory                 = 128
      readonlyRootFilesystem = false
    },
  ])
}
