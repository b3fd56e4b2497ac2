resource "aws_neptune_cluster_parameter_group" "audited" {
  name   = "audited"
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster" "graph" { # expect: PASS "audit logging on (neptune_enable_audit_log)"
  cluster_identifier                   = "graph"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.audited.name
  enable_cloudwatch_logs_exports       = ["audit", "slowquery"]
}
