# Audit logging as its own resource (provider 5.x and later) and as the older block.

resource "aws_redshift_cluster" "warehouse" { # expect: PASS "CloudWatch Logs"
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  number_of_nodes        = 2
  master_username        = "warehouse"
  manage_master_password = true
}

resource "aws_redshift_logging" "warehouse" {
  cluster_identifier   = aws_redshift_cluster.warehouse.id
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog", "userlog", "useractivitylog"]
}

resource "aws_redshift_cluster" "legacy" { # expect: PASS "written to S3"
  cluster_identifier     = "legacy"
  node_type              = "ra3.xlplus"
  number_of_nodes        = 2
  master_username        = "legacy"
  manage_master_password = true

  logging {
    enable      = true
    bucket_name = "audit-logs-111122223333"
  }
}
