resource "aws_opensearch_domain" "logs" { # expect: PASS "a customer-managed key"
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}

resource "aws_elasticsearch_domain" "legacy" { # expect: PASS "the AWS-managed key"
  domain_name           = "legacy"
  elasticsearch_version = "7.10"

  encrypt_at_rest {
    enabled = true
  }
}
