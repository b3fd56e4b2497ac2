resource "aws_kms_key" "queues" {
  description         = "Key for order queues"
  enable_key_rotation = true
}

resource "aws_sqs_queue" "orders" { # expect: PASS "customer-managed KMS key"
  name                              = "orders"
  kms_master_key_id                 = aws_kms_key.queues.arn
  kms_data_key_reuse_period_seconds = 300
}

resource "aws_sqs_queue" "explicit_sse" { # expect: PASS "encrypted with SQS-managed keys (SSE-SQS)"
  name                    = "invoices"
  sqs_managed_sse_enabled = true
}

# Unset: the provider sets nothing, and SQS encrypts every new queue with SSE-SQS.
resource "aws_sqs_queue" "defaults" { # expect: PASS "the default for queues created since 2022"
  name = "audit"
}

# A customer-managed key of another account, named by its ARN.
resource "aws_sqs_queue" "shared_key" { # expect: PASS "customer-managed KMS key"
  name              = "partner-orders"
  kms_master_key_id = "arn:aws:kms:us-east-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
