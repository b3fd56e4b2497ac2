# AdministratorAccess attached to a role, a user and a group by attachment resources.

resource "aws_iam_role" "ci" { # expect: FAIL "AdministratorAccess is attached"
  name = "ci"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "ci_admin" {
  role       = aws_iam_role.ci.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_user" "ops" { # expect: FAIL "AdministratorAccess"
  name = "ops"
}

resource "aws_iam_user_policy_attachment" "ops_admin" {
  user       = aws_iam_user.ops.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_group" "admins" { # expect: FAIL "AdministratorAccess"
  name = "admins"
}

resource "aws_iam_group_policy_attachment" "admins" {
  group      = "admins"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
