resource "aws_kms_key" "data" { # expect: PASS "waits 30 days (the default)"
  description         = "Application data"
  enable_key_rotation = true
  multi_region        = true
}

resource "aws_kms_key" "logs" { # expect: PASS "waits 30 days (PendingWindowInDays)"
  description             = "Logs"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

provider "aws" {
  alias  = "eu"
  region = "eu-west-1"
}

resource "aws_kms_replica_key" "data_eu" { # expect: PASS "waits 30 days (the default)"
  provider        = aws.eu
  description     = "Application data, eu-west-1"
  primary_key_arn = aws_kms_key.data.arn
}
