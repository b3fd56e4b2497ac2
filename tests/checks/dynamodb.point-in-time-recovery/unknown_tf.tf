variable "enable_pitr" {
  type        = bool
  description = "Turned on per environment; no default."
}

resource "aws_dynamodb_table" "orders" { # expect: UNKNOWN "point-in-time recovery is not known"
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }

  point_in_time_recovery {
    enabled = var.enable_pitr
  }
}
