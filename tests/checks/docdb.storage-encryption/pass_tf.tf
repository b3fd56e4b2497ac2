resource "aws_docdb_subnet_group" "profiles" {
  name       = "profiles"
  subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

resource "aws_docdb_cluster" "profiles" { # expect: PASS "the KMS key in KmsKeyId"
  cluster_identifier          = "profiles"
  master_username             = "profiles"
  manage_master_user_password = true
  db_subnet_group_name        = aws_docdb_subnet_group.profiles.name
  storage_encrypted           = true
  kms_key_id                  = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_docdb_cluster_instance" "profiles" {
  identifier         = "profiles-1"
  cluster_identifier = aws_docdb_cluster.profiles.id
  instance_class     = "db.r6g.large"
}
