# access_logs.enabled defaults to false on aws_lb, even with a bucket named.

resource "aws_s3_bucket" "logs" {
  bucket = "shop-lb-logs"
}

resource "aws_lb" "shop" { # expect: FAIL "access_logs.s3.enabled is set to false"
  name    = "shop"
  subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]

  access_logs {
    bucket = aws_s3_bucket.logs.id
    prefix = "shop"
  }
}

resource "aws_lb" "admin" { # expect: FAIL "access_logs.s3.enabled is not set"
  name    = "admin"
  subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
}

resource "aws_elb" "legacy" { # expect: FAIL "no access logging"
  name               = "legacy"
  availability_zones = ["eu-west-1a", "eu-west-1b"]

  listener {
    lb_port           = 443
    lb_protocol       = "tcp"
    instance_port     = 8443
    instance_protocol = "tcp"
  }
}
