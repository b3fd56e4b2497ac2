# A task for EC2 capacity: the instance type decides the processor.

resource "aws_ecs_task_definition" "worker" { # expect: NOT_APPLICABLE "runs on EC2"
  family                   = "worker"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([{
    name   = "worker"
    image  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/worker:1.0.4"
    memory = 512
  }])
}
