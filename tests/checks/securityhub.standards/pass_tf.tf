# enable_default_standards defaults to true in the provider.
resource "aws_securityhub_account" "main" { # expect: PASS "default standards"
}
