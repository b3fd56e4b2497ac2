resource "aws_docdb_cluster_parameter_group" "audited" {
  name   = "audited"
  family = "docdb5.0"

  parameter {
    name  = "audit_logs"
    value = "enabled"
  }

  parameter {
    name  = "tls"
    value = "enabled"
  }
}

resource "aws_docdb_cluster" "profiles" { # expect: PASS "audit logging on (audit_logs)"
  cluster_identifier              = "profiles"
  master_username                 = "profiles"
  manage_master_user_password     = true
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.audited.name
  enabled_cloudwatch_logs_exports = ["audit"]
}
