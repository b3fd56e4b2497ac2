variable "stream_key_arn" {
  type        = string
  description = "Key from the platform account; no default."
}

resource "aws_kinesis_stream" "audit" { # expect: UNKNOWN "the KMS key is not known"
  name            = "audit"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = var.stream_key_arn
}
