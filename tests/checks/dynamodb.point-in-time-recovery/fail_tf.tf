resource "aws_dynamodb_table" "orders" { # expect: FAIL "no point-in-time recovery"
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }
}

# A global table: the table recovers, but a replica's point_in_time_recovery defaults to false.
resource "aws_dynamodb_table" "sessions" { # expect: FAIL "no point-in-time recovery on replica eu-west-1"
  name             = "sessions"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "pk"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "pk"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  replica {
    region_name = "eu-west-1"
  }
}
