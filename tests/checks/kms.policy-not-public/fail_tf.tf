resource "aws_kms_key" "shared" { # expect: FAIL "allows AWS: * with no condition"
  description         = "Shared data key"
  enable_key_rotation = true
}

# The key's policy as Terraform's split resource.
resource "aws_kms_key_policy" "shared" {
  key_id = aws_kms_key.shared.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdmin"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::123456789012:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "EveryoneDecrypts"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "kms:Decrypt"
        Resource  = "*"
      },
    ]
  })
}
