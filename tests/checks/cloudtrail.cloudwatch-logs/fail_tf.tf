resource "aws_cloudtrail" "audit" { # expect: FAIL "no CloudWatchLogsLogGroupArn or CloudWatchLogsRoleArn"
  name           = "audit"
  s3_bucket_name = "example-audit-trail"
}

resource "aws_cloudwatch_log_group" "half_wired" {
  name              = "/cloudtrail/half-wired"
  retention_in_days = 365
}

resource "aws_cloudtrail" "half_wired" { # expect: FAIL "no CloudWatchLogsRoleArn"
  name                       = "half-wired"
  s3_bucket_name             = "example-audit-trail"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.half_wired.arn}:*"
}
