# Alarms whose topics reach people through AWS Chatbot channels.

resource "aws_sns_topic" "ops_chat" {
  name = "ops-chat"
}

resource "aws_sns_topic" "oncall_chat" {
  name = "oncall-chat"
}

resource "aws_chatbot_slack_channel_configuration" "ops" {
  configuration_name    = "ops"
  iam_role_arn          = "arn:aws:iam::123456789012:role/chatbot"
  slack_channel_id      = "C0123456789"
  slack_team_id         = "T0123456789"
  sns_topic_arns        = [aws_sns_topic.ops_chat.arn]
  guardrail_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
  logging_level         = "ERROR"
}

resource "aws_chatbot_teams_channel_configuration" "oncall" {
  configuration_name = "oncall"
  iam_role_arn       = "arn:aws:iam::123456789012:role/chatbot"
  channel_id         = "19%3Aabc%40thread.tacv2"
  team_id            = "00000000-1111-2222-3333-444444444444"
  tenant_id          = "55555555-6666-7777-8888-999999999999"
  sns_topic_arns     = [aws_sns_topic.oncall_chat.arn]
}

resource "aws_cloudwatch_metric_alarm" "api_errors" { # expect: PASS "acts through SNS topic aws_sns_topic.ops_chat"
  alarm_name          = "api-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [aws_sns_topic.ops_chat.arn]
}

resource "aws_cloudwatch_metric_alarm" "queue_age" { # expect: PASS "acts through SNS topic aws_sns_topic.oncall_chat"
  alarm_name          = "queue-age"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  threshold           = 900
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall_chat.arn]
}
