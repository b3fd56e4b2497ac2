# A group policy granting all of S3 and a role with IAMFullAccess attached.

resource "aws_iam_group" "data" { # expect: PASS "no policy statements of its own"
  name = "data-team"
}

resource "aws_iam_group_policy" "data" { # expect: FAIL "s3:* covers all of s3"
  name  = "buckets"
  group = aws_iam_group.data.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "arn:aws:s3:::analytics-*" }]
  })
}

resource "aws_iam_role" "provisioner" { # expect: FAIL "IAMFullAccess"
  name = "provisioner"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "provisioner" {
  role       = aws_iam_role.provisioner.name
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"
}
