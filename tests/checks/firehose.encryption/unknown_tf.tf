variable "encrypt_events" {
  type        = bool
  description = "No default."
}

resource "aws_kinesis_firehose_delivery_stream" "events" { # expect: UNKNOWN "the encryption key type is not known"
  name        = "events"
  destination = "extended_s3"

  server_side_encryption {
    enabled = var.encrypt_events
  }

  extended_s3_configuration {
    role_arn   = "arn:aws:iam::123456789012:role/firehose"
    bucket_arn = "arn:aws:s3:::example-events-lake"
  }
}
