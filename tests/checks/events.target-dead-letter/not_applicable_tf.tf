# A rule whose target lives on another bus under the same name is not this rule's target.
resource "aws_cloudwatch_event_rule" "paused" { # expect: NOT_APPLICABLE "no targets"
  name                = "paused-report"
  schedule_expression = "rate(1 day)"
  state               = "DISABLED"
}

resource "aws_cloudwatch_event_target" "elsewhere" {
  rule           = "paused-report"
  event_bus_name = "partner-bus"
  arn            = "arn:aws:sqs:us-east-1:123456789012:reports"
}
