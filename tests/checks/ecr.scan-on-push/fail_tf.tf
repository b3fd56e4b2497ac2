# Repositories whose pushed images nobody scans.

resource "aws_ecr_repository" "api" { # expect: FAIL "images are not scanned on push"
  name = "shop/api"
}

resource "aws_ecr_repository" "worker" { # expect: FAIL "not scanned on push"
  name = "shop/worker"

  image_scanning_configuration {
    scan_on_push = false
  }
}

# A registry rule that scans other repositories only.
resource "aws_ecr_registry_scanning_configuration" "registry" {
  scan_type = "ENHANCED"

  rule {
    scan_frequency = "CONTINUOUS_SCAN"

    repository_filter {
      filter      = "payments/*"
      filter_type = "WILDCARD"
    }
  }
}

resource "aws_ecr_repository" "tooling" { # expect: FAIL "not scanned on push"
  name = "tooling/ci"
}
