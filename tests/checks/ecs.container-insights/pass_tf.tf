# Clusters with Container Insights on.

resource "aws_ecs_cluster" "shop" { # expect: PASS "Container Insights is enabled"
  name = "shop"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster" "payments" { # expect: PASS "Container Insights is enhanced"
  name = "payments"

  setting {
    name  = "containerInsights"
    value = "enhanced"
  }

  configuration {
    execute_command_configuration {
      logging = "OVERRIDE"

      log_configuration {
        cloud_watch_encryption_enabled = true
        cloud_watch_log_group_name     = "/ecs/exec/payments"
      }
    }
  }
}
