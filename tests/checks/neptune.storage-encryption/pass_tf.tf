resource "aws_neptune_subnet_group" "graph" {
  name       = "graph"
  subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

resource "aws_neptune_cluster" "graph" { # expect: PASS "the KMS key in KmsKeyId"
  cluster_identifier        = "graph"
  neptune_subnet_group_name = aws_neptune_subnet_group.graph.name
  storage_encrypted         = true
  kms_key_arn               = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
