# The managed policies come from a variable nobody set.

variable "managed_policies" {
  type = list(string)
}

resource "aws_iam_role" "app" { # expect: UNKNOWN "the managed policies are not known"
  name                = "app"
  managed_policy_arns = var.managed_policies
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}
