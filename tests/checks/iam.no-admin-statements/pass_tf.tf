# Scoped statements on a role, a user and a group; a Deny of everything grants nothing.

resource "aws_iam_role" "reader" { # expect: PASS "no policy statements of its own"
  name = "reader"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
}

data "aws_iam_policy_document" "read_orders" {
  statement {
    actions   = ["dynamodb:GetItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.orders.arn]
  }
}

resource "aws_iam_role_policy" "reader" { # expect: PASS "no statement allows every action"
  name   = "read-orders"
  role   = aws_iam_role.reader.id
  policy = data.aws_iam_policy_document.read_orders.json
}

resource "aws_iam_user" "auditor" { # expect: PASS "no policy statements of its own"
  name = "auditor"
}

resource "aws_iam_user_policy" "auditor" { # expect: PASS
  name = "read-trails"
  user = aws_iam_user.auditor.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["cloudtrail:LookupEvents"], Resource = "*" }]
  })
}

resource "aws_iam_group" "contractors" { # expect: PASS "no policy statements of its own"
  name = "contractors"
}

resource "aws_iam_group_policy" "deny_all" { # expect: PASS
  name  = "deny-everything"
  group = aws_iam_group.contractors.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }]
  })
}
