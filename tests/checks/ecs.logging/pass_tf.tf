# Every container ships its logs; the log group is interpolated into the JSON text.

resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/api"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "api" { # expect: PASS "every container ships its logs (awslogs)"
  family                = "api"
  container_definitions = <<-JSON
    [
      {
        "name": "api",
        "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:3.2.0",
        "memory": 512,
        "logConfiguration": {
          "logDriver": "awslogs",
          "options": {
            "awslogs-group": "${aws_cloudwatch_log_group.api.name}",
            "awslogs-region": "eu-west-1",
            "awslogs-stream-prefix": "api"
          }
        }
      }
    ]
  JSON
}
