# enable defaults to true in the provider.
resource "aws_guardduty_detector" "main" { # expect: PASS "enabled"
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}
