# Purpose-built and read-only policies; one attachment names its role by literal name.

resource "aws_iam_role" "build" { # expect: PASS "AdministratorAccess is not attached"
  name = "build"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_policy" "build" {
  name = "build"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ecr:PutImage"], Resource = "arn:aws:ecr:eu-west-1:111122223333:repository/app" }]
  })
}

resource "aws_iam_role_policy_attachment" "build" {
  role       = aws_iam_role.build.name
  policy_arn = aws_iam_policy.build.arn
}

resource "aws_iam_role_policy_attachment" "build_read" {
  role       = "build"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
