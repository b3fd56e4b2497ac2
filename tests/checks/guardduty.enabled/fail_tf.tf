resource "aws_guardduty_detector" "main" { # expect: FAIL "created disabled"
  enable = false
}
