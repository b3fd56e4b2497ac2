# A workflow that calls a function through its definition (a heredoc with an interpolated ARN),
# with an alarm on its failed executions.

resource "aws_sfn_state_machine" "orders" { # expect: PASS "failed executions watched by alarm aws_cloudwatch_metric_alarm.orders_failed"
  name       = "orders"
  role_arn   = "arn:aws:iam::123456789012:role/orders-sfn"
  definition = <<-EOT
    {
      "StartAt": "Charge",
      "States": {
        "Charge": {
          "Type": "Task",
          "Resource": "${aws_lambda_function.charge.arn}",
          "End": true
        }
      }
    }
  EOT
}

resource "aws_lambda_function" "charge" {
  function_name = "charge"
  runtime       = "python3.12"
  handler       = "charge.handler"
  role          = "arn:aws:iam::123456789012:role/charge"
  filename      = "charge.zip"
}

resource "aws_cloudwatch_metric_alarm" "orders_failed" {
  alarm_name          = "orders-failed-executions"
  namespace           = "AWS/States"
  metric_name         = "ExecutionsFailed"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  dimensions = {
    StateMachineArn = aws_sfn_state_machine.orders.arn
  }
  alarm_actions = ["arn:aws:sns:us-east-1:123456789012:oncall"]
}
