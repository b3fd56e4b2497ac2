resource "aws_securityhub_account" "main" { # expect: FAIL "EnableDefaultStandards is false"
  enable_default_standards = false
}
