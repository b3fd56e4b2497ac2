# No EFS volume.

resource "aws_ecs_task_definition" "api" { # expect: NOT_APPLICABLE "mounts no EFS volume"
  family = "api"
  container_definitions = jsonencode([{
    name   = "api"
    image  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:3.2.0"
    memory = 512
  }])

  volume {
    name = "cache"

    docker_volume_configuration {
      scope         = "task"
      driver        = "local"
      autoprovision = false
    }
  }
}
