# Administrator statements in a managed policy, a role's inline policy block and a role
# policy that allows everything but IAM.

resource "aws_iam_policy" "admin" { # expect: FAIL "Action * on Resource *"
  name = "break-glass"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_role" "worker" { # expect: FAIL "policy everything statement 1"
  name = "worker"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })

  inline_policy {
    name = "everything"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = ["*"], Resource = ["*"] }]
    })
  }
}

resource "aws_iam_role" "ops" { # expect: PASS "no policy statements of its own"
  name = "ops"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "ops" { # expect: FAIL "Allow with NotAction"
  name = "all-but-iam"
  role = aws_iam_role.ops.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", NotAction = "iam:*", Resource = "*" }]
  })
}

resource "aws_iam_policy_attachment" "admin" {
  name       = "break-glass"
  policy_arn = aws_iam_policy.admin.arn
  roles      = [aws_iam_role.ops.name]
}
