# A container given no environment at all.

resource "aws_ecs_task_definition" "proxy" { # expect: NOT_APPLICABLE "no container is given environment variables or secrets"
  family = "proxy"
  container_definitions = jsonencode([{
    name   = "proxy"
    image  = "public.ecr.aws/nginx/nginx:1.27.2"
    memory = 128
  }])
}
