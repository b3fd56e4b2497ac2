# A key created inactive, and the key of a user that only sends mail through SES.

resource "aws_iam_user" "legacy" {
  name = "legacy-batch"
}

resource "aws_iam_access_key" "legacy" { # expect: PASS "created inactive"
  user   = aws_iam_user.legacy.name
  status = "Inactive"
}

resource "aws_iam_user" "smtp" {
  name = "smtp-sender"
}

resource "aws_iam_user_policy" "smtp" {
  name = "send-mail"
  user = aws_iam_user.smtp.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ses:SendRawEmail", "ses:SendEmail"], Resource = "*" }]
  })
}

resource "aws_iam_access_key" "smtp" { # expect: PASS "only sends mail through Amazon SES"
  user = aws_iam_user.smtp.name
}
