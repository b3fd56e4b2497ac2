resource "aws_s3_bucket" "customer_files" { # expect: FAIL "no server access logging"
  bucket = "example-customer-files"
}
