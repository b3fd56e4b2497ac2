resource "aws_dynamodb_table" "orders" { # expect: PASS "deletion protection enabled"
  name                        = "orders"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  deletion_protection_enabled = true

  attribute {
    name = "pk"
    type = "S"
  }
}

resource "aws_dynamodb_table" "sessions" { # expect: PASS "deletion protection on every replica"
  name                        = "sessions"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  stream_enabled              = true
  stream_view_type            = "NEW_AND_OLD_IMAGES"
  deletion_protection_enabled = true

  attribute {
    name = "pk"
    type = "S"
  }

  replica {
    region_name                 = "ap-southeast-2"
    deletion_protection_enabled = true
  }
}
