# A long-lived key for a CI user.

resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "ci" { # expect: FAIL "long-lived access key"
  user = aws_iam_user.ci.name
}
