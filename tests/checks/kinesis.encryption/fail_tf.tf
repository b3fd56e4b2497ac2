resource "aws_kinesis_stream" "clicks" { # expect: FAIL "no StreamEncryption"
  name             = "clicks"
  shard_count      = 2
  retention_period = 48
}
