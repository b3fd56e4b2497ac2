resource "aws_dynamodb_table" "orders" { # expect: FAIL "no deletion protection"
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }
}

# A replica's deletion protection defaults to false whatever the table's.
resource "aws_dynamodb_table" "sessions" { # expect: FAIL "no deletion protection on replica ap-southeast-2"
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
    region_name = "ap-southeast-2"
  }
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

resource "aws_dynamodb_table_replica" "orders_west" { # expect: FAIL "no deletion protection"
  provider         = aws.west
  global_table_arn = aws_dynamodb_table.orders.arn
}
