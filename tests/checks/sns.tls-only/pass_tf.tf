resource "aws_sns_topic" "orders" { # expect: PASS "topic policy aws_sns_topic_policy.orders denies publishing without TLS"
  name = "orders"
}

resource "aws_sns_topic_policy" "orders" {
  arn = aws_sns_topic.orders.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.orders.arn
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_sns_topic" "alerts" { # expect: PASS "topic policy aws_sns_topic.alerts/policy denies publishing without TLS"
  name   = "alerts"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Deny",
        "Principal": "*",
        "Action": "sns:Publish",
        "Resource": "*",
        "Condition": {"Bool": {"aws:SecureTransport": "false"}}
      }]
    }
  EOT
}
