# Three ways Terraform gives a queue its redrive policy: jsonencode, a JSON heredoc with an
# interpolated ARN, and the split aws_sqs_queue_redrive_policy resource.

resource "aws_sqs_queue" "orders_dlq" { # expect: NOT_APPLICABLE "a dead-letter queue itself"
  name = "orders-dlq"
}

resource "aws_sqs_queue" "orders" { # expect: PASS "after 5 receives"
  name = "orders"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "invoices" { # expect: PASS "after 3 receives"
  name           = "invoices"
  redrive_policy = <<-EOT
    {"deadLetterTargetArn": "${aws_sqs_queue.orders_dlq.arn}", "maxReceiveCount": 3}
  EOT
}

resource "aws_sqs_queue" "refunds" { # expect: PASS "after 4 receives"
  name = "refunds"
}

resource "aws_sqs_queue_redrive_policy" "refunds" {
  queue_url = aws_sqs_queue.refunds.id
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = 4
  })
}
