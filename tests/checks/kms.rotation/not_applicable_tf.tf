resource "aws_kms_key" "signing" { # expect: NOT_APPLICABLE "a RSA_2048 key"
  description              = "Token signing"
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "RSA_2048"
}

# Imported key material: KMS cannot rotate it.
resource "aws_kms_external_key" "imported" { # expect: NOT_APPLICABLE "imported key material"
  description             = "Key material from the on-premises HSM"
  deletion_window_in_days = 30
}
