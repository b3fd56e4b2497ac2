# Queues an EventBridge pipe reads from, and one a pipe sends failed stream batches to.

resource "aws_sqs_queue" "orders" { # expect: FAIL "read by pipe aws_pipes_pipe.orders with no redrive policy"
  name = "orders"
}

resource "aws_pipes_pipe" "orders" {
  name     = "orders-to-fulfilment"
  role_arn = "arn:aws:iam::123456789012:role/pipe"
  source   = aws_sqs_queue.orders.arn
  target   = "arn:aws:states:eu-west-1:123456789012:stateMachine:fulfil"

  source_parameters {
    sqs_queue_parameters {
      batch_size = 10
    }
  }
}

resource "aws_kinesis_stream" "clicks" {
  name             = "clicks"
  retention_period = 24

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}

resource "aws_sqs_queue" "clicks_failed" { # expect: NOT_APPLICABLE "a dead-letter queue itself"
  name = "clicks-failed"
}

resource "aws_pipes_pipe" "clicks" {
  name     = "clicks-to-bus"
  role_arn = "arn:aws:iam::123456789012:role/pipe"
  source   = aws_kinesis_stream.clicks.arn
  target   = "arn:aws:events:eu-west-1:123456789012:event-bus/analytics"

  source_parameters {
    kinesis_stream_parameters {
      starting_position      = "LATEST"
      maximum_retry_attempts = 3

      dead_letter_config {
        arn = aws_sqs_queue.clicks_failed.arn
      }
    }
  }
}
