# The trust policy comes from a variable nobody set.

variable "trust_policy" {
  type = string
}

resource "aws_iam_role" "injected" { # expect: UNKNOWN "the trust policy is not known"
  name               = "injected-trust"
  assume_role_policy = var.trust_policy
}
