# A function polling an Amazon MQ broker, which keeps its own failed messages.

resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  deployment_mode    = "ACTIVE_STANDBY_MULTI_AZ"
  subnet_ids         = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  security_groups    = ["sg-0123456789abcdef0"]

  encryption_options {
    use_aws_owned_key = false
    kms_key_id        = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }

  logs {
    general = true
    audit   = true
  }

  user {
    username = "app"
    password = "not-a-real-password-0000"
  }
}

resource "aws_lambda_function" "orders" {
  function_name = "orders-consumer"
  runtime       = "python3.12"
  handler       = "orders.handler"
  role          = "arn:aws:iam::123456789012:role/orders"
  filename      = "orders.zip"
}

resource "aws_lambda_event_source_mapping" "orders" { # expect: NOT_APPLICABLE "Amazon MQ broker"
  event_source_arn = aws_mq_broker.orders.arn
  function_name    = aws_lambda_function.orders.arn
  queues           = ["orders"]

  source_access_configuration {
    type = "BASIC_AUTH"
    uri  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:mq-orders"
  }
}
