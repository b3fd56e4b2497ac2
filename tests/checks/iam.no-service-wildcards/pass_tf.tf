# Named S3 and KMS actions only.

resource "aws_iam_policy" "uploads" { # expect: PASS "no statement grants every action"
  name = "uploads"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "arn:aws:s3:::uploads/*" },
      { Effect = "Allow", Action = "kms:Decrypt", Resource = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
    ]
  })
}
