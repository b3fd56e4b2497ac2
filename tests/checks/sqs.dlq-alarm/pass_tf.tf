resource "aws_sqs_queue" "orders_dlq" { # expect: PASS "messages waiting watched by alarm aws_cloudwatch_metric_alarm.orders_dlq"
  name = "orders-dlq"
}

resource "aws_sqs_queue" "orders" { # expect: NOT_APPLICABLE "not a dead-letter queue"
  name = "orders"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_cloudwatch_metric_alarm" "orders_dlq" {
  alarm_name          = "orders-dlq-not-empty"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  dimensions = {
    QueueName = aws_sqs_queue.orders_dlq.name
  }
  alarm_actions = ["arn:aws:sns:us-east-1:123456789012:oncall"]
}

resource "aws_sqs_queue" "invoices_dlq" { # expect: PASS "messages waiting watched by alarm aws_cloudwatch_metric_alarm.invoices_dlq"
  name = "invoices-dlq"
}

resource "aws_lambda_function" "invoices" {
  function_name = "invoices"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/invoices"
  filename      = "invoices.zip"

  dead_letter_config {
    target_arn = aws_sqs_queue.invoices_dlq.arn
  }
}

# Metric math over the queue's age: the MetricStat inside the query counts.
resource "aws_cloudwatch_metric_alarm" "invoices_dlq" {
  alarm_name          = "invoices-dlq-aging"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 3600
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:oncall"]

  metric_query {
    id          = "age"
    return_data = true

    metric {
      namespace   = "AWS/SQS"
      metric_name = "ApproximateAgeOfOldestMessage"
      period      = 300
      stat        = "Maximum"
      dimensions = {
        QueueName = "invoices-dlq"
      }
    }
  }
}
