# Every container has a read-only root filesystem.

resource "aws_ecs_task_definition" "api" { # expect: PASS "every container has a read-only root filesystem"
  family = "api"
  container_definitions = jsonencode([
    {
      name                   = "api"
      image                  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:3.2.0"
      memory                 = 512
      readonlyRootFilesystem = true
      mountPoints = [{
        sourceVolume  = "tmp"
        containerPath = "/tmp"
        readOnly      = false
      }]
    },
  ])

  volume {
    name = "tmp"
  }
}
