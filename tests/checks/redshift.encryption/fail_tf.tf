resource "aws_redshift_cluster" "warehouse" { # expect: FAIL "Encrypted is not true"
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  number_of_nodes        = 2
  master_username        = "warehouse"
  manage_master_password = true
  encrypted              = false
}
