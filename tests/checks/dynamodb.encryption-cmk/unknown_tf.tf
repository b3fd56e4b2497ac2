variable "table_key_arn" {
  type        = string
  description = "Key from the platform account; no default."
}

resource "aws_dynamodb_table" "orders" { # expect: UNKNOWN "the KMS key is not known"
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.table_key_arn
  }
}
