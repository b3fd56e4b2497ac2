variable "dead_letter_arn" {
  type        = string
  description = "Dead-letter queue shared by the platform."
}

resource "aws_sqs_queue" "orders" { # expect: PASS "messages that keep failing move to a dead-letter queue"
  name = "orders"
  redrive_policy = jsonencode({
    deadLetterTargetArn = var.dead_letter_arn
    maxReceiveCount     = 5
  })
}

# Nothing here reads or sends to it: a consumer elsewhere decides.
resource "aws_sqs_queue" "inbox" { # expect: UNKNOWN "nothing in this template reads from or sends to the queue"
  name = "partner-inbox"
}
