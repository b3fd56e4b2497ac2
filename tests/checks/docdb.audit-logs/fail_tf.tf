# Exports the audit log, but the default parameter group never writes one; a second
# cluster exports nothing.

resource "aws_docdb_cluster" "profiles" { # expect: FAIL "the default cluster parameter group leaves audit_logs off"
  cluster_identifier              = "profiles"
  master_username                 = "profiles"
  manage_master_user_password     = true
  enabled_cloudwatch_logs_exports = ["audit", "profiler"]
}

resource "aws_docdb_cluster" "sessions" { # expect: FAIL "exports no logs"
  cluster_identifier          = "sessions"
  master_username             = "sessions"
  manage_master_user_password = true
}
