# Resources that carry only some of the required tags, in list and map form.

resource "aws_eks_node_group" "nodes" { # expect: FAIL "missing tags Environment, Project, CostCenter"
  cluster_name    = "main"
  node_group_name = "nodes"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-nodes"
  subnet_ids      = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]

  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 2
  }

  tags = {
    Team = "platform"
  }
}

resource "aws_msk_cluster" "payments" { # expect: FAIL "missing tags Environment, Project, Team, CostCenter"
  cluster_name           = "payments"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788", "subnet-0c1d2e3f4a5b69788"]
    security_groups = ["sg-0123456789abcdef0"]
  }
}

resource "aws_dlm_lifecycle_policy" "volumes" { # expect: FAIL "missing tags Project, Team, CostCenter"
  description        = "daily volume snapshots"
  execution_role_arn = "arn:aws:iam::123456789012:role/dlm"

  policy_details {
    resource_types = ["VOLUME"]
    target_tags = {
      Snapshot = "daily"
    }
  }

  tags = {
    Environment = "production"
  }
}

resource "aws_cognito_user_pool" "customers" { # expect: FAIL "missing tags Environment, Team, CostCenter"
  name = "customers"

  tags = {
    Project = "storefront"
  }
}

resource "aws_ecs_task_definition" "api" { # expect: FAIL "missing tags Environment, Project, Team, CostCenter"
  family = "api"
  container_definitions = jsonencode([{
    name   = "api"
    image  = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:3.2.0"
    memory = 512
  }])
}
