# An EFS volume mounted without TLS.

resource "aws_ecs_task_definition" "cms" { # expect: FAIL "EFS volume uploads mounted without TLS"
  family = "cms"
  container_definitions = jsonencode([{
    name   = "cms"
    image  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/cms:4.0.0"
    memory = 512
    mountPoints = [{ sourceVolume = "uploads", containerPath = "/srv/uploads" }]
  }])

  volume {
    name = "uploads"

    efs_volume_configuration {
      file_system_id = "fs-0123456789abcdef0"
      root_directory = "/uploads"
    }
  }
}
