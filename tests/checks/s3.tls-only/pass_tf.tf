# The deny written with aws_iam_policy_document, and (provider v3) inline on the bucket.

resource "aws_s3_bucket" "data" { # expect: PASS "bucket policy aws_s3_bucket_policy.data denies requests without TLS"
  bucket = "example-data"
}

data "aws_iam_policy_document" "data_tls_only" {
  statement {
    sid       = "DenyPlainHttp"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.data_tls_only.json
}

resource "aws_s3_bucket" "archive" { # expect: PASS "bucket policy aws_s3_bucket.archive/policy denies requests without TLS"
  bucket = "example-archive"
  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Sid": "DenyPlainHttp",
        "Effect": "Deny",
        "Principal": "*",
        "Action": "s3:*",
        "Resource": ["arn:aws:s3:::example-archive", "arn:aws:s3:::example-archive/*"],
        "Condition": {"Bool": {"aws:SecureTransport": "false"}}
      }]
    }
  POLICY
}
