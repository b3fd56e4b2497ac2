resource "aws_kms_key" "clicks" {
  enable_key_rotation = true
}

resource "aws_kinesis_stream" "clicks" {
  name            = "clicks"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.clicks.id
}

resource "aws_kinesis_firehose_delivery_stream" "clicks_to_lake" { # expect: NOT_APPLICABLE "reads from its source (aws_kinesis_stream.clicks) (KinesisStreamAsSource)"
  name        = "clicks-to-lake"
  destination = "extended_s3"

  kinesis_source_configuration {
    kinesis_stream_arn = aws_kinesis_stream.clicks.arn
    role_arn           = "arn:aws:iam::123456789012:role/firehose-source"
  }

  extended_s3_configuration {
    role_arn   = "arn:aws:iam::123456789012:role/firehose"
    bucket_arn = "arn:aws:s3:::example-clicks-lake"
  }
}
