# The provider's default_tags reach every taggable resource, whatever form its tags take
# in CloudFormation (a list of Key/Value pairs, or a map).

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      Environment = "production"
      Project     = "storefront"
      Team        = "platform"
      CostCenter  = "cc-1234"
    }
  }
}

resource "aws_ecs_cluster" "main" { # expect: PASS
  name = "shop"
}

resource "aws_ecs_capacity_provider" "instances" { # expect: PASS
  name = "instances"

  auto_scaling_group_provider {
    auto_scaling_group_arn = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:1a2b:autoScalingGroupName/ecs"
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" { # expect: NOT_APPLICABLE "cannot be tagged"
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = [aws_ecs_capacity_provider.instances.name]
}

resource "aws_ecs_task_definition" "api" { # expect: PASS
  family = "api"
  container_definitions = jsonencode([{
    name   = "api"
    image  = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:3.2.0"
    memory = 512
  }])
}

resource "aws_ecs_service" "api" { # expect: PASS
  name            = "api"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = 2
  propagate_tags  = "SERVICE"
}

resource "aws_ecr_repository" "api" { # expect: PASS
  name = "api"
}

resource "aws_ecr_registry_scanning_configuration" "registry" { # expect: NOT_APPLICABLE "cannot be tagged"
  scan_type = "BASIC"
}

resource "aws_eks_cluster" "main" { # expect: PASS
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  }
}

resource "aws_eks_node_group" "nodes" { # expect: PASS
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "nodes"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-nodes"
  subnet_ids      = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]

  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 2
  }
}

resource "aws_codebuild_project" "build" { # expect: PASS
  name         = "build"
  service_role = "arn:aws:iam::123456789012:role/codebuild"

  artifacts {
    type = "NO_ARTIFACTS"
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/amazonlinux2-x86_64-standard:5.0"
    type         = "LINUX_CONTAINER"
  }

  source {
    type     = "GITHUB"
    location = "https://github.com/example/shop.git"
  }
}

resource "aws_msk_serverless_cluster" "events" { # expect: PASS
  cluster_name = "events"

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  }

  client_authentication {
    sasl {
      iam {
        enabled = true
      }
    }
  }
}

resource "aws_mq_broker" "orders" { # expect: PASS
  broker_name        = "orders"
  engine_type        = "RabbitMQ"
  engine_version     = "3.13"
  host_instance_type = "mq.m5.large"

  user {
    username = "app"
    password = "not-a-real-password-0000"
  }
}

resource "aws_sqs_queue" "orders" { # expect: PASS
  name = "orders"
}

resource "aws_pipes_pipe" "orders" { # expect: PASS
  name     = "orders"
  role_arn = "arn:aws:iam::123456789012:role/pipe"
  source   = aws_sqs_queue.orders.arn
  target   = "arn:aws:states:eu-west-1:123456789012:stateMachine:fulfil"

  target_parameters {
    step_function_state_machine_parameters {
      invocation_type = "FIRE_AND_FORGET"
    }
  }
}

resource "aws_iot_topic_rule" "telemetry" { # expect: PASS
  name        = "telemetry"
  enabled     = true
  sql         = "SELECT * FROM 'devices/+/telemetry'"
  sql_version = "2016-03-23"

  sqs {
    queue_url  = "https://sqs.eu-west-1.amazonaws.com/123456789012/telemetry"
    role_arn   = "arn:aws:iam::123456789012:role/iot"
    use_base64 = false
  }
}

resource "aws_ses_receipt_rule" "bounce" { # expect: NOT_APPLICABLE "cannot be tagged"
  name          = "bounce"
  rule_set_name = "default"
  recipients    = ["noreply@example.com"]
  enabled       = true

  bounce_action {
    message         = "This mailbox is not monitored."
    sender          = "noreply@example.com"
    smtp_reply_code = "550"
    position        = 1
  }
}

resource "aws_codepipeline" "release" { # expect: PASS
  name     = "release"
  role_arn = "arn:aws:iam::123456789012:role/codepipeline"

  artifact_store {
    location = "example-pipeline-artifacts"
    type     = "S3"

    encryption_key {
      id   = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      type = "KMS"
    }
  }

  stage {
    name = "Source"

    action {
      name             = "Source"
      category         = "Source"
      owner            = "AWS"
      provider         = "S3"
      version          = "1"
      output_artifacts = ["source"]

      configuration = {
        S3Bucket    = "example-sources"
        S3ObjectKey = "shop.zip"
      }
    }
  }

  stage {
    name = "Build"

    action {
      name            = "Build"
      category        = "Build"
      owner           = "AWS"
      provider        = "CodeBuild"
      version         = "1"
      input_artifacts = ["source"]

      configuration = {
        ProjectName = aws_codebuild_project.build.name
      }
    }
  }
}

resource "aws_cognito_user_pool" "customers" { # expect: PASS
  name = "customers"
}

resource "aws_appsync_graphql_api" "shop" { # expect: PASS
  name                = "shop"
  authentication_type = "AMAZON_COGNITO_USER_POOLS"
}

resource "aws_appsync_datasource" "orders" { # expect: NOT_APPLICABLE "cannot be tagged"
  api_id           = aws_appsync_graphql_api.shop.id
  name             = "orders"
  type             = "AMAZON_DYNAMODB"
  service_role_arn = "arn:aws:iam::123456789012:role/appsync"

  dynamodb_config {
    table_name = "orders"
  }
}

resource "aws_dlm_lifecycle_policy" "volumes" { # expect: PASS
  description        = "daily volume snapshots"
  execution_role_arn = "arn:aws:iam::123456789012:role/dlm"
  state              = "ENABLED"

  policy_details {
    resource_types = ["VOLUME"]
    target_tags = {
      Snapshot = "daily"
    }

    schedule {
      name = "daily"

      create_rule {
        interval      = 24
        interval_unit = "HOURS"
        times         = ["03:00"]
      }

      retain_rule {
        count = 14
      }
    }
  }
}

resource "aws_codedeploy_app" "web" { # expect: PASS
  name             = "web"
  compute_platform = "ECS"
}

resource "aws_codedeploy_deployment_group" "web" { # expect: PASS
  app_name              = aws_codedeploy_app.web.name
  deployment_group_name = "web"
  service_role_arn      = "arn:aws:iam::123456789012:role/codedeploy"

  alarm_configuration {
    enabled = true
    alarms  = ["web-5xx"]
  }
}
