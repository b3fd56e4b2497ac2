resource "aws_s3_bucket" "logs" {
  bucket = "shop-lb-logs"
}

resource "aws_lb" "shop" { # expect: PASS "access_logs.s3.enabled is true"
  name    = "shop"
  subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    prefix  = "shop"
    enabled = true
  }
}

# On aws_elb, access_logs.enabled defaults to true.
resource "aws_elb" "legacy" { # expect: PASS "access logs delivered to S3"
  name               = "legacy"
  availability_zones = ["eu-west-1a", "eu-west-1b"]

  access_logs {
    bucket   = aws_s3_bucket.logs.id
    interval = 60
  }

  listener {
    lb_port           = 443
    lb_protocol       = "tcp"
    instance_port     = 8443
    instance_protocol = "tcp"
  }
}
