resource "aws_sqs_queue" "orders_dlq" { # expect: FAIL "a dead-letter queue (redrive policy of aws_sqs_queue.orders) that no alarm watches"
  name = "orders-dlq"
}

resource "aws_sqs_queue" "orders" { # expect: NOT_APPLICABLE "not a dead-letter queue"
  name = "orders"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = 5
  })
}

# An alarm on another queue's backlog.
resource "aws_cloudwatch_metric_alarm" "orders_backlog" {
  alarm_name          = "orders-backlog"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 3
  threshold           = 1000
  comparison_operator = "GreaterThanThreshold"
  dimensions = {
    QueueName = aws_sqs_queue.orders.name
  }
}
