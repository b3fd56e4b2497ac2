# Provisioned capacity that never changes, and scalable targets without a scaling policy.

resource "aws_dynamodb_table" "orders" { # expect: FAIL "provisioned read and write capacity with no auto scaling"
  name           = "orders"
  hash_key       = "pk"
  read_capacity  = 20
  write_capacity = 10

  attribute {
    name = "pk"
    type = "S"
  }
}

resource "aws_dynamodb_table" "catalog" { # expect: FAIL "the scalable target for read and write capacity has no scaling policy"
  name           = "catalog"
  billing_mode   = "PROVISIONED"
  hash_key       = "pk"
  read_capacity  = 5
  write_capacity = 5

  attribute {
    name = "pk"
    type = "S"
  }
}

resource "aws_appautoscaling_target" "catalog_read" {
  service_namespace  = "dynamodb"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
  resource_id        = "table/${aws_dynamodb_table.catalog.name}"
  min_capacity       = 5
  max_capacity       = 100
}

resource "aws_appautoscaling_target" "catalog_write" {
  service_namespace  = "dynamodb"
  scalable_dimension = "dynamodb:table:WriteCapacityUnits"
  resource_id        = "table/catalog"
  min_capacity       = 5
  max_capacity       = 50
}
