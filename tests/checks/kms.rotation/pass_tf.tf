resource "aws_kms_key" "data" { # expect: PASS "every 365 days"
  description         = "Application data"
  enable_key_rotation = true
}

resource "aws_kms_alias" "data" {
  name          = "alias/app-data"
  target_key_id = aws_kms_key.data.key_id
}

resource "aws_kms_key" "logs" { # expect: PASS "every 180 days"
  description             = "Log encryption"
  enable_key_rotation     = true
  rotation_period_in_days = 180
}
