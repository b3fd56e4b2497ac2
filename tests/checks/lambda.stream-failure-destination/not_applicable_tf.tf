resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_lambda_function" "worker" {
  function_name = "order-worker"
  runtime       = "python3.12"
  handler       = "worker.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"
}

resource "aws_lambda_event_source_mapping" "orders" { # expect: NOT_APPLICABLE "polls an SQS queue"
  event_source_arn = aws_sqs_queue.orders.arn
  function_name    = aws_lambda_function.worker.arn
  batch_size       = 10

  scaling_config {
    maximum_concurrency = 5
  }

  filter_criteria {
    filter {
      pattern = jsonencode({ body = { type = ["order"] } })
    }
  }
}
