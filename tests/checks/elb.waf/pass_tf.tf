resource "aws_wafv2_web_acl" "shop" {
  name  = "shop"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "shop"
    sampled_requests_enabled   = true
  }
}

resource "aws_lb" "shop" { # expect: PASS "web ACL attached by aws_wafv2_web_acl_association.shop"
  name    = "shop"
  subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
}

resource "aws_wafv2_web_acl_association" "shop" {
  resource_arn = aws_lb.shop.arn
  web_acl_arn  = aws_wafv2_web_acl.shop.arn
}

resource "aws_cloudwatch_log_group" "waf" {
  name              = "aws-waf-logs-shop"
  retention_in_days = 90
}

resource "aws_wafv2_web_acl_logging_configuration" "shop" {
  resource_arn            = aws_wafv2_web_acl.shop.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
}

# WAF Classic, still attached the regional way.
resource "aws_alb" "legacy" { # expect: PASS "web ACL attached by aws_wafregional_web_acl_association.legacy"
  name    = "legacy"
  subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
}

resource "aws_wafregional_web_acl_association" "legacy" {
  resource_arn = aws_alb.legacy.arn
  web_acl_id   = "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9"
}
