# Functions whose invokers, or their invocation mode, the configuration does not show.

variable "partner_principal" {
  type        = string
  description = "Service principal of the integration partner."
}

# Nothing in this configuration invokes it: what invokes it from outside decides.
resource "aws_lambda_function" "standalone" { # expect: UNKNOWN "nothing in this template invokes the function"
  function_name = "standalone"
  runtime       = "python3.12"
  handler       = "standalone.handler"
  role          = "arn:aws:iam::123456789012:role/standalone"
  filename      = "standalone.zip"
}

resource "aws_lambda_permission" "partner" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.partner.function_name
  principal     = var.partner_principal
}

resource "aws_lambda_function" "partner" { # expect: UNKNOWN "the template does not show the invocation mode"
  function_name = "partner"
  runtime       = "python3.12"
  handler       = "partner.handler"
  role          = "arn:aws:iam::123456789012:role/partner"
  filename      = "partner.zip"
}
