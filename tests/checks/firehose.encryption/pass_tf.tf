resource "aws_kms_key" "firehose" {
  enable_key_rotation = true
}

resource "aws_kinesis_firehose_delivery_stream" "events" { # expect: PASS "server-side encryption with a customer-managed KMS key"
  name        = "events"
  destination = "extended_s3"

  server_side_encryption {
    enabled  = true
    key_type = "CUSTOMER_MANAGED_CMK"
    key_arn  = aws_kms_key.firehose.arn
  }

  extended_s3_configuration {
    role_arn   = "arn:aws:iam::123456789012:role/firehose"
    bucket_arn = "arn:aws:s3:::example-events-lake"
    prefix     = "events/"
  }
}

# enabled with no key_type: the provider's default, an AWS-owned key.
resource "aws_kinesis_firehose_delivery_stream" "metrics" { # expect: PASS "server-side encryption with an AWS-owned key"
  name        = "metrics"
  destination = "extended_s3"

  server_side_encryption {
    enabled = true
  }

  extended_s3_configuration {
    role_arn   = "arn:aws:iam::123456789012:role/firehose"
    bucket_arn = "arn:aws:s3:::example-metrics-lake"
  }
}
