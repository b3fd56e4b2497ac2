# A function reading a Kinesis stream through an enhanced fan-out consumer, and one reading a
# DynamoDB stream: neither keeps the records that fail, nor stops retrying them.

resource "aws_kinesis_stream" "clicks" {
  name            = "clicks"
  shard_count     = 2
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}

resource "aws_kinesis_stream_consumer" "sessionizer" {
  name       = "sessionizer"
  stream_arn = aws_kinesis_stream.clicks.arn
}

resource "aws_lambda_function" "sessionizer" {
  function_name = "sessionizer"
  runtime       = "python3.12"
  handler       = "sessions.handler"
  role          = "arn:aws:iam::123456789012:role/sessionizer"
  filename      = "sessionizer.zip"
}

resource "aws_lambda_event_source_mapping" "sessionizer" { # expect: FAIL "Kinesis stream source with no on-failure destination"
  event_source_arn  = aws_kinesis_stream_consumer.sessionizer.arn
  function_name     = aws_lambda_function.sessionizer.arn
  starting_position = "LATEST"
}

resource "aws_dynamodb_table" "orders" {
  name             = "orders"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "pk"
  stream_enabled   = true
  stream_view_type = "NEW_IMAGE"

  attribute {
    name = "pk"
    type = "S"
  }
}

resource "aws_lambda_function" "projector" {
  function_name = "order-projector"
  runtime       = "python3.12"
  handler       = "project.handler"
  role          = "arn:aws:iam::123456789012:role/projector"
  filename      = "projector.zip"
}

resource "aws_lambda_event_source_mapping" "projector" { # expect: FAIL "DynamoDB stream source with no on-failure destination"
  event_source_arn  = aws_dynamodb_table.orders.stream_arn
  function_name     = aws_lambda_function.projector.arn
  starting_position = "TRIM_HORIZON"
}
