# enable_key_rotation defaults to false in the provider, as EnableKeyRotation does.
resource "aws_kms_key" "data" { # expect: FAIL "automatic rotation is off"
  description = "Application data"
}

resource "aws_kms_key" "slow" { # expect: FAIL "rotates every 730 days, longer than the 365 days"
  description             = "Rotated, but rarely"
  enable_key_rotation     = true
  rotation_period_in_days = 730
}
