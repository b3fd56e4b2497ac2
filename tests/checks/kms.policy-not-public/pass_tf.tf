resource "aws_kms_key" "default_policy" { # expect: PASS "default policy trusts only this account"
  description         = "No policy written"
  enable_key_rotation = true
}

resource "aws_kms_key" "locked" { # expect: PASS "names its principals"
  description         = "Named principals only"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountAdmin"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
