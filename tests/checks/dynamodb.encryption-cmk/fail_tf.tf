resource "aws_dynamodb_table" "orders" { # expect: FAIL "AWS-owned key"
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }
}

resource "aws_dynamodb_table" "payments" { # expect: FAIL "the AWS-managed key aws/dynamodb"
  name         = "payments"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }

  server_side_encryption {
    enabled = true
  }
}

# The table uses its own key, but the replica names none: it gets aws/dynamodb.
resource "aws_kms_key" "sessions" {
  enable_key_rotation = true
}

resource "aws_dynamodb_table" "sessions" { # expect: FAIL "replica eu-west-1: encrypted with the AWS-managed key"
  name             = "sessions"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "pk"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "pk"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.sessions.arn
  }

  replica {
    region_name = "eu-west-1"
  }
}
