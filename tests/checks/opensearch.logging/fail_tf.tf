resource "aws_opensearch_domain" "logs" { # expect: FAIL "search slow, index slow logs not published"
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  log_publishing_options {
    log_type                 = "ES_APPLICATION_LOGS"
    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/opensearch/logs/errors"
  }

  log_publishing_options {
    log_type                 = "SEARCH_SLOW_LOGS"
    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/opensearch/logs/slow"
    enabled                  = false
  }
}
