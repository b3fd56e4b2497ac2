# A replica takes the capacity mode of its global table, which it does not state; a
# provisioned global table scales writes through resources golive does not relate to it.

resource "aws_dynamodb_table" "orders" { # expect: PASS "on-demand capacity"
  name             = "orders"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "pk"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "pk"
    type = "S"
  }
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

resource "aws_dynamodb_table_replica" "orders_west" { # expect: UNKNOWN "the billing mode is not known"
  provider         = aws.west
  global_table_arn = aws_dynamodb_table.orders.arn
}

resource "aws_dynamodb_table" "sessions" { # expect: UNKNOWN "the capacity settings are not known"
  name             = "sessions"
  hash_key         = "pk"
  read_capacity    = 5
  write_capacity   = 5
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "pk"
    type = "S"
  }

  replica {
    region_name = "eu-west-1"
  }
}
