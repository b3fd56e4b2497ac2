# Clusters without Container Insights.

resource "aws_ecs_cluster" "plain" { # expect: FAIL "not turned on"
  name = "plain"
}

resource "aws_ecs_cluster" "switched_off" { # expect: FAIL "Container Insights is disabled"
  name = "switched-off"

  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}
