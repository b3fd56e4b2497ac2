# EBS volumes snapshotted by a DLM policy that targets their tag, and one it misses.

resource "aws_ebs_volume" "data" { # expect: PASS "covered by snapshot policy aws_dlm_lifecycle_policy.volumes"
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  tags = {
    Snapshot = "daily"
  }
}

resource "aws_ebs_volume" "scratch" { # expect: FAIL "no AWS Backup selection in this stack covers it"
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
}

resource "aws_dlm_lifecycle_policy" "volumes" {
  description        = "daily volume snapshots"
  execution_role_arn = "arn:aws:iam::123456789012:role/dlm"
  state              = "ENABLED"

  policy_details {
    resource_types = ["VOLUME"]
    target_tags = {
      Snapshot = "daily"
    }

    schedule {
      name = "daily"

      create_rule {
        interval      = 24
        interval_unit = "HOURS"
        times         = ["03:00"]
      }

      retain_rule {
        count = 14
      }
    }
  }
}
