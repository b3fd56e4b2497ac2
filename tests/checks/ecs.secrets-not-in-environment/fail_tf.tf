# Secrets handed to containers in plain environment variables.

variable "stripe_api_key" {
  type      = string
  sensitive = true
}

# A variable marked sensitive stops at the plan output; the task definition shows it.
resource "aws_ecs_task_definition" "payments" { # expect: FAIL "payments: STRIPE_API_KEY holds a value given at deployment"
  family = "payments"
  container_definitions = jsonencode([{
    name   = "payments"
    image  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/payments:2.3.0"
    memory = 512
    environment = [
      { name = "STRIPE_API_KEY", value = var.stripe_api_key },
    ]
  }])
}

# A written token, and an access key id under a name that does not say so.
resource "aws_ecs_task_definition" "sync" { # expect: FAIL "sync: GITHUB_TOKEN holds a value; sync: UPLOAD_KEY_ID holds an AWS access key id"
  family                = "sync"
  container_definitions = <<-JSON
    [
      {
        "name": "sync",
        "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/sync:0.4.0",
        "memory": 256,
        "environment": [
          {"name": "GITHUB_TOKEN", "value": "example-token-not-real-7f3a"},
          {"name": "UPLOAD_KEY_ID", "value": "AKIAIOSFODNN7EXAMPLE"}
        ]
      }
    ]
  JSON
}
