resource "aws_neptune_cluster_parameter_group" "quiet" {
  name   = "quiet"
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "0"
  }
}

resource "aws_neptune_cluster" "graph" { # expect: FAIL "sets neptune_enable_audit_log to 0"
  cluster_identifier                   = "graph"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.quiet.name
  enable_cloudwatch_logs_exports       = ["audit"]
}
