resource "aws_backup_vault" "default_key" { # expect: FAIL "no EncryptionKeyArn: recovery points use the AWS managed key aws/backup"
  name = "default-key"
}

resource "aws_backup_vault" "managed_alias" { # expect: FAIL "is an AWS managed key, not one you control"
  name        = "managed-alias"
  kms_key_arn = "arn:aws:kms:us-east-1:123456789012:alias/aws/backup"
}
