# SQS-managed encryption switched off, and no KMS key instead.
resource "aws_sqs_queue" "orders" { # expect: FAIL "SqsManagedSseEnabled false and no KmsMasterKeyId"
  name                    = "orders"
  sqs_managed_sse_enabled = false
}

resource "aws_sns_topic" "order_events" {
  name              = "order-events"
  kms_master_key_id = "alias/aws/sns"
}

# SNS delivers to a queue as itself, which the AWS-managed key never allows.
resource "aws_sqs_queue" "fanout" { # expect: FAIL "cannot be used by SNS subscription aws_sns_topic_subscription.fanout"
  name              = "order-fanout"
  kms_master_key_id = "alias/aws/sqs"
}

resource "aws_sns_topic_subscription" "fanout" {
  topic_arn = aws_sns_topic.order_events.arn
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.fanout.arn
}
