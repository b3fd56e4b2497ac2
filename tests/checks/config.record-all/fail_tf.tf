resource "aws_config_configuration_recorder" "volumes_only" { # expect: FAIL "records only the listed resource types"
  name     = "volumes-only"
  role_arn = "arn:aws:iam::123456789012:role/config"

  recording_group {
    all_supported  = false
    resource_types = ["AWS::EC2::Volume"]
  }
}

# include_global_resource_types defaults to false in the provider.
resource "aws_config_configuration_recorder" "regional_only" { # expect: FAIL "not the global IAM types"
  name     = "regional-only"
  role_arn = "arn:aws:iam::123456789012:role/config"
}

resource "aws_config_configuration_recorder" "all_but_some" { # expect: FAIL "recording strategy EXCLUSION_BY_RESOURCE_TYPES"
  name     = "all-but-some"
  role_arn = "arn:aws:iam::123456789012:role/config"

  recording_group {
    all_supported = false
    exclusion_by_resource_types {
      resource_types = ["AWS::EC2::NetworkInterface"]
    }
    recording_strategy {
      use_only = "EXCLUSION_BY_RESOURCE_TYPES"
    }
  }
}
