# Roles that any principal of any AWS account can assume, written the three ways Terraform
# configurations write trust policies.

resource "aws_iam_role" "open" { # expect: FAIL "any AWS principal can assume the role"
  name = "open-role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
    }]
  })
}

data "aws_iam_policy_document" "anyone" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "from_document" { # expect: FAIL "allows *"
  name               = "document-role"
  assume_role_policy = data.aws_iam_policy_document.anyone.json
}

resource "aws_iam_role" "heredoc" { # expect: FAIL "arn:aws:iam::*:root"
  name               = "heredoc-role"
  assume_role_policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::*:root"},
          "Action": "sts:AssumeRole"
        }
      ]
    }
  POLICY
}
