# No memory limit a leaking container would hit.

resource "aws_ecs_task_definition" "worker" { # expect: FAIL "no hard memory limit for container worker"
  family                   = "worker"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([{
    name              = "worker"
    image             = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/worker:1.0.4"
    memoryReservation = 256
  }])
}
