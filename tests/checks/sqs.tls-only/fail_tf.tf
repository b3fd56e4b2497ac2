resource "aws_sqs_queue" "orders" { # expect: FAIL "no queue policy"
  name = "orders"
}

resource "aws_sqs_queue" "invoices" { # expect: FAIL "does not deny requests without TLS"
  name = "invoices"
}

resource "aws_sqs_queue_policy" "invoices" {
  queue_url = aws_sqs_queue.invoices.url
  policy    = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "sns.amazonaws.com"},
        "Action": "sqs:SendMessage",
        "Resource": "${aws_sqs_queue.invoices.arn}"
      }]
    }
  EOT
}
