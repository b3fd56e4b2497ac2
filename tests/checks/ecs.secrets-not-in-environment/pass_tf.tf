# Plain settings in the environment, the password injected from Secrets Manager.

resource "aws_secretsmanager_secret" "db" {
  name = "api/db"
}

resource "aws_ecs_task_definition" "api" { # expect: PASS "3 environment variables hold no secret; 1 injected through Secrets"
  family = "api"
  container_definitions = jsonencode([{
    name   = "api"
    image  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:1.4.2"
    memory = 512
    environment = [
      { name = "DB_HOST", value = "orders.cluster-abc.eu-west-1.rds.amazonaws.com" },
      { name = "DB_PASSWORD_SECRET_ARN", value = aws_secretsmanager_secret.db.arn },
      { name = "LOG_LEVEL", value = "info" },
    ]
    secrets = [
      { name = "DB_PASSWORD", valueFrom = "${aws_secretsmanager_secret.db.arn}:password::" },
    ]
  }])
}
