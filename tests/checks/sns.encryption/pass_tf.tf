variable "topic_key_alias" {
  type    = string
  default = "alias/orders-topics"
}

resource "aws_sns_topic" "orders" { # expect: PASS "customer-managed KMS key"
  name              = "orders"
  kms_master_key_id = var.topic_key_alias
}

resource "aws_sns_topic" "audit" { # expect: PASS "AWS-managed key alias/aws/sns"
  name_prefix       = "audit-"
  kms_master_key_id = "alias/aws/sns"
}
