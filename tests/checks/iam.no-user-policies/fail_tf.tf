# Permissions given to users directly: an attachment, an inline policy and a shared policy
# attached to a user.

resource "aws_iam_user" "alice" { # expect: FAIL "1 managed policy (ManagedPolicyArns)"
  name = "alice"
}

resource "aws_iam_user_policy_attachment" "alice" {
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_user" "bob" { # expect: FAIL "aws_iam_user_policy.bob, aws_iam_policy.shared"
  name = "bob"
}

resource "aws_iam_user_policy" "bob" { # expect: FAIL "an inline policy embedded in a user"
  name = "bob-extra"
  user = aws_iam_user.bob.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sqs:SendMessage", Resource = "*" }]
  })
}

resource "aws_iam_policy" "shared" { # expect: FAIL "attached directly to users"
  name = "shared"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "logs:GetLogEvents", Resource = "*" }]
  })
}

resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  policy_arn = aws_iam_policy.shared.arn
  users      = [aws_iam_user.bob.name]
}
