# Pushed images are scanned, by the repository or by a registry rule.

resource "aws_ecr_repository" "api" { # expect: PASS "scanned for vulnerabilities on push"
  name = "payments/api"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_registry_scanning_configuration" "registry" {
  scan_type = "ENHANCED"

  rule {
    scan_frequency = "SCAN_ON_PUSH"

    repository_filter {
      filter      = "shop/*"
      filter_type = "WILDCARD"
    }
  }
}

resource "aws_ecr_repository" "web" { # expect: PASS "registry scanning rule of aws_ecr_registry_scanning_configuration.registry (shop/*)"
  name = "shop/web"
}
