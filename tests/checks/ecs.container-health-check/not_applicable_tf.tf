# A task definition that only a nightly EventBridge rule runs: ECS keeps no service healthy.

resource "aws_ecs_cluster" "main" {
  name = "batch"
}

resource "aws_ecs_task_definition" "report" { # expect: NOT_APPLICABLE "runs as a scheduled or one-off task (aws_cloudwatch_event_rule.nightly)"
  family = "report"
  container_definitions = jsonencode([{
    name   = "report"
    image  = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/report:1.0.0"
    memory = 512
  }])
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "nightly-report"
  schedule_expression = "cron(0 2 * * ? *)"
}

resource "aws_cloudwatch_event_target" "nightly" {
  rule     = aws_cloudwatch_event_rule.nightly.name
  arn      = aws_ecs_cluster.main.arn
  role_arn = "arn:aws:iam::123456789012:role/events-ecs"

  ecs_target {
    task_definition_arn = aws_ecs_task_definition.report.arn
    task_count          = 1
    launch_type         = "FARGATE"
  }
}
