# EFS volumes mounted over TLS, through an access point.

resource "aws_ecs_task_definition" "cms" { # expect: PASS "1 EFS volume mounted over TLS"
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
      file_system_id     = "fs-0123456789abcdef0"
      transit_encryption = "ENABLED"

      authorization_config {
        access_point_id = "fsap-0123456789abcdef0"
        iam             = "ENABLED"
      }
    }
  }

  volume {
    name      = "scratch"
    host_path = "/ecs/scratch"
  }
}
