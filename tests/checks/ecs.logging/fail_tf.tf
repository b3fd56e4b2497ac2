# Containers whose output is lost.

resource "aws_ecs_task_definition" "api" { # expect: FAIL "container sidecar without a log configuration"
  family = "api"
  container_definitions = jsonencode([
    {
      name   = "api"
      image  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:3.2.0"
      memory = 512
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/api"
          "awslogs-region"        = "eu-west-1"
          "awslogs-stream-prefix" = "api"
        }
      }
    },
    {
      name   = "sidecar"
      image  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/sidecar:0.9.1"
      memory = 128
    },
  ])
}

resource "aws_ecs_task_definition" "batch" { # expect: FAIL "container batch without a log configuration"
  family                = "batch"
  container_definitions = <<-JSON
    [{"name": "batch", "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/batch:2.1.0",
      "memory": 256, "logConfiguration": {"logDriver": "none"}}]
  JSON
}
