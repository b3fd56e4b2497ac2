resource "aws_sqs_queue" "orders" { # expect: PASS "queue policy aws_sqs_queue_policy.orders denies requests without TLS"
  name = "orders"
}

resource "aws_sqs_queue_policy" "orders" {
  queue_url = aws_sqs_queue.orders.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyPlainHttp"
      Effect    = "Deny"
      Principal = "*"
      Action    = "sqs:*"
      Resource  = aws_sqs_queue.orders.arn
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

# The inline policy argument is a queue policy of its own in CloudFormation terms.
resource "aws_sqs_queue" "invoices" { # expect: PASS "queue policy aws_sqs_queue.invoices/policy denies requests without TLS"
  name   = "invoices"
  policy = data.aws_iam_policy_document.invoices_tls.json
}

data "aws_iam_policy_document" "invoices_tls" {
  statement {
    effect    = "Deny"
    actions   = ["sqs:SendMessage", "sqs:ReceiveMessage"]
    resources = ["*"]
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
