# Without publicly_accessible, version 5 of the AWS provider made Redshift clusters public
# and version 6 makes them private; the configuration does not say which one runs it.

resource "aws_redshift_cluster" "warehouse" { # expect: UNKNOWN "publicly_accessible is not set"
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  number_of_nodes        = 2
  master_username        = "warehouse"
  manage_master_password = true
}
