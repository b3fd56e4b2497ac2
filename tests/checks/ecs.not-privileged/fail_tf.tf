# A container that runs privileged.

resource "aws_ecs_task_definition" "agent" { # expect: FAIL "container agent runs privileged"
  family = "agent"
  container_definitions = jsonencode([{
    name       = "agent"
    image      = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/agent:5.1.0"
    memory     = 256
    privileged = true
  }])
}
