variable "all_regions" {
  type        = bool
  description = "No default."
}

resource "aws_cloudtrail" "audit" { # expect: UNKNOWN "IsMultiRegionTrail is not known"
  name                  = "audit"
  s3_bucket_name        = "example-audit-trail"
  is_multi_region_trail = var.all_regions
}
