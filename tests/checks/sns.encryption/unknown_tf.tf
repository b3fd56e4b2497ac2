variable "topic_key" {
  type        = string
  description = "KMS key of the platform account."
}

resource "aws_sns_topic" "orders" { # expect: UNKNOWN "the KMS key is not known"
  name              = "orders"
  kms_master_key_id = var.topic_key
}
