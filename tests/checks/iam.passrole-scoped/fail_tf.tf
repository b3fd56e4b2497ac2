# A deployer that may pass any role of the account to any service.

resource "aws_iam_policy" "deployer" { # expect: FAIL "iam:PassRole on every role"
  name = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["lambda:UpdateFunctionConfiguration"], Resource = "*" },
      { Effect = "Allow", Action = "iam:PassRole", Resource = "arn:aws:iam::111122223333:role/*" },
    ]
  })
}
