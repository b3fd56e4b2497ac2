# Users join groups; the policies attach to groups and roles.

resource "aws_iam_group" "ops" {
  name = "ops"
}

resource "aws_iam_policy" "ops" { # expect: PASS "attached to groups or roles only"
  name = "ops"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "cloudwatch:GetMetricData", Resource = "*" }]
  })
}

resource "aws_iam_group_policy_attachment" "ops" {
  group      = aws_iam_group.ops.name
  policy_arn = aws_iam_policy.ops.arn
}

resource "aws_iam_user" "carol" { # expect: PASS "permissions come only from groups"
  name = "carol"
}

resource "aws_iam_user_group_membership" "carol" {
  user   = aws_iam_user.carol.name
  groups = [aws_iam_group.ops.name]
}

resource "aws_iam_user" "dave" { # expect: PASS "permissions come only from groups"
  name = "dave"
}

resource "aws_iam_group_membership" "ops" {
  name  = "ops-members"
  group = aws_iam_group.ops.name
  users = [aws_iam_user.dave.name]
}

resource "aws_iam_role" "reporter" {
  name = "reporter"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "reporter" { # expect: PASS "attached to groups or roles only"
  name = "report"
  role = aws_iam_role.reporter.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ce:GetCostAndUsage", Resource = "*" }]
  })
}
