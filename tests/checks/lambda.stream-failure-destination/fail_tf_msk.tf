# Functions polling MSK clusters without an on-failure destination.

resource "aws_msk_cluster" "payments" {
  cluster_name           = "payments"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788", "subnet-0c1d2e3f4a5b69788"]
    security_groups = ["sg-0123456789abcdef0"]

    storage_info {
      ebs_storage_info {
        volume_size = 500
      }
    }
  }

  encryption_info {
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }

  client_authentication {
    sasl {
      iam = true
    }
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = "/msk/payments"
      }
    }
  }

  tags = {
    Team = "payments"
  }
}

resource "aws_lambda_function" "payments" {
  function_name = "payments-consumer"
  runtime       = "python3.12"
  handler       = "payments.handler"
  role          = "arn:aws:iam::123456789012:role/payments"
  filename      = "payments.zip"
}

resource "aws_lambda_event_source_mapping" "payments" { # expect: FAIL "MSK cluster source with no on-failure destination"
  event_source_arn  = aws_msk_cluster.payments.arn
  function_name     = aws_lambda_function.payments.arn
  topics            = ["payments"]
  starting_position = "TRIM_HORIZON"
}

resource "aws_msk_serverless_cluster" "events" {
  cluster_name = "events"

  vpc_config {
    subnet_ids         = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
    security_group_ids = ["sg-0123456789abcdef0"]
  }

  client_authentication {
    sasl {
      iam {
        enabled = true
      }
    }
  }
}

resource "aws_lambda_function" "events" {
  function_name = "events-consumer"
  runtime       = "python3.12"
  handler       = "events.handler"
  role          = "arn:aws:iam::123456789012:role/events"
  filename      = "events.zip"
}

resource "aws_lambda_event_source_mapping" "events" { # expect: FAIL "MSK cluster source with no on-failure destination"
  event_source_arn  = aws_msk_serverless_cluster.events.arn
  function_name     = aws_lambda_function.events.arn
  topics            = ["events"]
  starting_position = "LATEST"
}
