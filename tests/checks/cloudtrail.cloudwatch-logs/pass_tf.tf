resource "aws_cloudwatch_log_group" "trail" {
  name              = "/cloudtrail/audit"
  retention_in_days = 365
}

resource "aws_iam_role" "trail_logs" {
  name = "cloudtrail-logs"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudtrail.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_cloudtrail" "audit" { # expect: PASS "delivered to a CloudWatch Logs log group"
  name                       = "audit"
  s3_bucket_name             = "example-audit-trail"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail_logs.arn
}
