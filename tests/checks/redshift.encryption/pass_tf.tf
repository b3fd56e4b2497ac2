# Version 6 of the AWS provider encrypts clusters unless told otherwise (and Redshift
# itself encrypts new clusters by default since 2025).

resource "aws_redshift_subnet_group" "warehouse" {
  name       = "warehouse"
  subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

resource "aws_redshift_cluster" "default" { # expect: PASS "the AWS-managed key"
  cluster_identifier        = "default"
  node_type                 = "ra3.xlplus"
  number_of_nodes           = 2
  master_username           = "warehouse"
  manage_master_password    = true
  cluster_subnet_group_name = aws_redshift_subnet_group.warehouse.name
}

resource "aws_redshift_cluster" "keyed" { # expect: PASS "a customer-managed key"
  cluster_identifier     = "keyed"
  node_type              = "ra3.xlplus"
  number_of_nodes        = 2
  master_username        = "warehouse"
  manage_master_password = true
  encrypted              = true
  kms_key_id             = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
