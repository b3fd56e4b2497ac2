resource "aws_kms_key" "payments" {
  enable_key_rotation = true
}

resource "aws_kinesis_stream" "payments" { # expect: PASS "encrypted with a customer-managed KMS key"
  name            = "payments"
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.payments.id

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}

resource "aws_kinesis_stream" "telemetry" { # expect: PASS "encrypted with the AWS-managed key alias/aws/kinesis"
  name            = "telemetry"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}
