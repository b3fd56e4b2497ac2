# profile: development
# A service on the cluster's own Auto Scaling capacity runs on EC2.

resource "aws_ecs_cluster" "main" {
  name = "dev"
}

resource "aws_ecs_capacity_provider" "instances" {
  name = "instances"

  auto_scaling_group_provider {
    auto_scaling_group_arn         = "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:1a2b:autoScalingGroupName/ecs"
    managed_termination_protection = "DISABLED"

    managed_scaling {
      status          = "ENABLED"
      target_capacity = 90
    }
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = [aws_ecs_capacity_provider.instances.name]
}

resource "aws_ecs_service" "batch" { # expect: NOT_APPLICABLE "does not run on Fargate"
  name            = "batch"
  cluster         = aws_ecs_cluster.main.id
  desired_count   = 1
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/batch:1"

  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.instances.name
    weight            = 1
  }
}
