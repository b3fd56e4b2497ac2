variable "queue_key_arn" {
  type        = string
  description = "KMS key from the platform account."
}

resource "aws_sqs_queue" "orders" { # expect: UNKNOWN "the queue's encryption is not known"
  name              = "orders"
  kms_master_key_id = var.queue_key_arn
}
