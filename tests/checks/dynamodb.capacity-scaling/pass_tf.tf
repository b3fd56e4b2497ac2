resource "aws_dynamodb_table" "orders" { # expect: PASS "on-demand capacity"
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }
}

resource "aws_dynamodb_table" "catalog" { # expect: PASS "auto scaling for reads and writes"
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
  max_capacity       = 200
}

resource "aws_appautoscaling_policy" "catalog_read" {
  name               = "catalog-read"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.catalog_read.service_namespace
  scalable_dimension = aws_appautoscaling_target.catalog_read.scalable_dimension
  resource_id        = aws_appautoscaling_target.catalog_read.resource_id

  target_tracking_scaling_policy_configuration {
    target_value = 70
    predefined_metric_specification {
      predefined_metric_type = "DynamoDBReadCapacityUtilization"
    }
  }
}

resource "aws_appautoscaling_target" "catalog_write" {
  service_namespace  = "dynamodb"
  scalable_dimension = "dynamodb:table:WriteCapacityUnits"
  resource_id        = "table/${aws_dynamodb_table.catalog.name}"
  min_capacity       = 5
  max_capacity       = 50
}

resource "aws_appautoscaling_policy" "catalog_write" {
  name               = "catalog-write"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.catalog_write.service_namespace
  scalable_dimension = aws_appautoscaling_target.catalog_write.scalable_dimension
  resource_id        = aws_appautoscaling_target.catalog_write.resource_id

  target_tracking_scaling_policy_configuration {
    target_value = 70
    predefined_metric_specification {
      predefined_metric_type = "DynamoDBWriteCapacityUtilization"
    }
  }
}
