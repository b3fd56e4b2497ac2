resource "aws_opensearch_domain" "private" { # expect: PASS "runs inside a VPC"
  domain_name    = "private"
  engine_version = "OpenSearch_2.13"

  vpc_options {
    subnet_ids         = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
    security_group_ids = ["sg-0123456789abcdef0"]
  }
}
