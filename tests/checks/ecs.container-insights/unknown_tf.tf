# The setting comes from a variable nobody set.

variable "container_insights" {
  type = string
}

resource "aws_ecs_cluster" "shop" { # expect: UNKNOWN "Container Insights setting is not known"
  name = "shop"

  setting {
    name  = "containerInsights"
    value = var.container_insights
  }
}
