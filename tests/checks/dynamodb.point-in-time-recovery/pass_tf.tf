resource "aws_dynamodb_table" "orders" { # expect: PASS "point-in-time recovery to any second of the last 35 days"
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_dynamodb_table" "audit" { # expect: PASS "the last 7 days"
  name         = "audit"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }

  point_in_time_recovery {
    enabled                 = true
    recovery_period_in_days = 7
  }
}

resource "aws_dynamodb_table" "sessions" { # expect: PASS "point-in-time recovery on every replica"
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
    region_name            = "eu-west-1"
    point_in_time_recovery = true
  }
}

# A replica managed as its own resource is a table of its own in its region.
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

resource "aws_dynamodb_table_replica" "orders_west" { # expect: PASS "point-in-time recovery"
  provider               = aws.west
  global_table_arn       = aws_dynamodb_table.orders.arn
  point_in_time_recovery = true
}
