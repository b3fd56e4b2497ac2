resource "aws_kinesis_firehose_delivery_stream" "events" { # expect: FAIL "no server-side encryption"
  name        = "events"
  destination = "extended_s3"

  extended_s3_configuration {
    role_arn   = "arn:aws:iam::123456789012:role/firehose"
    bucket_arn = "arn:aws:s3:::example-events-lake"
  }
}

# Encryption written, but switched off (the provider's default).
resource "aws_kinesis_firehose_delivery_stream" "metrics" { # expect: FAIL "no server-side encryption"
  name        = "metrics"
  destination = "extended_s3"

  server_side_encryption {
    enabled = false
  }

  extended_s3_configuration {
    role_arn   = "arn:aws:iam::123456789012:role/firehose"
    bucket_arn = "arn:aws:s3:::example-metrics-lake"
  }
}
