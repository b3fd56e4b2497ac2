provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "eu"
  region = "eu-west-1"
}

resource "aws_kms_key" "tables" {
  description         = "Tables in us-east-1"
  enable_key_rotation = true
  multi_region        = true
}

resource "aws_kms_replica_key" "tables_eu" {
  provider        = aws.eu
  description     = "Tables in eu-west-1"
  primary_key_arn = aws_kms_key.tables.arn
}

resource "aws_dynamodb_table" "orders" { # expect: PASS "encrypted with a customer-managed KMS key"
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.tables.arn
  }
}

resource "aws_dynamodb_table" "sessions" { # expect: PASS "every replica is encrypted with a customer-managed KMS key"
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
    kms_key_arn = aws_kms_key.tables.arn
  }

  replica {
    region_name = "eu-west-1"
    kms_key_arn = aws_kms_replica_key.tables_eu.arn
  }
}
