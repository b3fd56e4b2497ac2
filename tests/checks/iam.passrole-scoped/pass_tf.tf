# iam:PassRole on one role, and only to Lambda.

resource "aws_iam_role" "function" { # expect: PASS "no policy statements of its own"
  name = "function"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

data "aws_iam_policy_document" "deployer" {
  statement {
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.function.arn]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "deployer" { # expect: PASS "named roles only"
  name   = "deployer"
  policy = data.aws_iam_policy_document.deployer.json
}
