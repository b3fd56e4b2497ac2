# A deploy user with a console password and an access key.

resource "aws_iam_user" "deploy" { # expect: FAIL "a console password (LoginProfile) and access key aws_iam_access_key.deploy"
  name = "deploy"
}

resource "aws_iam_user_login_profile" "deploy" {
  user                    = aws_iam_user.deploy.name
  password_reset_required = true
}

resource "aws_iam_access_key" "deploy" {
  user = aws_iam_user.deploy.name
}
