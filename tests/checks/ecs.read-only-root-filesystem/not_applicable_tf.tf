# Windows containers cannot have a read-only root filesystem.

resource "aws_ecs_task_definition" "iis" { # expect: NOT_APPLICABLE "Windows containers"
  family                   = "iis"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"

  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2019_CORE"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([{
    name  = "iis"
    image = "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019"
  }])
}
