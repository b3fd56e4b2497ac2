# SMTP credentials for Amazon SES can only come from an IAM user's access key.

resource "aws_iam_user" "smtp" { # expect: PASS "only sends mail through Amazon SES"
  name = "smtp-sender"
}

resource "aws_iam_user_policy" "smtp" {
  name = "send-mail"
  user = aws_iam_user.smtp.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ses:SendRawEmail", Resource = "*" }]
  })
}

resource "aws_iam_access_key" "smtp" {
  user = aws_iam_user.smtp.name
}
