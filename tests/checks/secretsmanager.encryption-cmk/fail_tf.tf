resource "aws_secretsmanager_secret" "db" { # expect: FAIL "no KmsKeyId"
  name = "orders-db"
}

resource "aws_secretsmanager_secret" "api" { # expect: FAIL "alias/aws/secretsmanager is the AWS-managed key"
  name       = "api-key"
  kms_key_id = "alias/aws/secretsmanager"
}
