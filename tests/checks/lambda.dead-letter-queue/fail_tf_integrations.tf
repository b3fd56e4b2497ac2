# Functions invoked asynchronously by IoT rules and SES receipt rules, with nowhere for
# failed events to go.

resource "aws_lambda_function" "telemetry" { # expect: FAIL "invoked asynchronously by IoT rule aws_iot_topic_rule.telemetry"
  function_name = "telemetry"
  runtime       = "python3.12"
  handler       = "telemetry.handler"
  role          = "arn:aws:iam::123456789012:role/telemetry"
  filename      = "telemetry.zip"
}

resource "aws_iot_topic_rule" "telemetry" {
  name        = "telemetry"
  enabled     = true
  sql         = "SELECT * FROM 'devices/+/telemetry'"
  sql_version = "2016-03-23"

  lambda {
    function_arn = aws_lambda_function.telemetry.arn
  }

  error_action {
    sqs {
      queue_url  = "https://sqs.eu-west-1.amazonaws.com/123456789012/telemetry-errors"
      role_arn   = "arn:aws:iam::123456789012:role/iot-errors"
      use_base64 = false
    }
  }
}

resource "aws_lambda_function" "inbound_mail" { # expect: FAIL "invoked asynchronously by SES receipt rule aws_ses_receipt_rule.inbound"
  function_name = "inbound-mail"
  runtime       = "python3.12"
  handler       = "mail.handler"
  role          = "arn:aws:iam::123456789012:role/inbound-mail"
  filename      = "mail.zip"
}

resource "aws_ses_receipt_rule" "inbound" {
  name          = "inbound"
  rule_set_name = "default"
  recipients    = ["support@example.com"]
  enabled       = true
  scan_enabled  = true

  s3_action {
    bucket_name = "example-inbound-mail"
    position    = 1
  }

  lambda_action {
    function_arn = aws_lambda_function.inbound_mail.arn
    position     = 2
  }
}
