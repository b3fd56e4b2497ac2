resource "aws_kms_key" "data" { # expect: FAIL "gone after 7 days, under the 30 days"
  description             = "Application data"
  enable_key_rotation     = true
  deletion_window_in_days = 7
}
