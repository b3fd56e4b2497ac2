resource "aws_s3_bucket" "ledger" { # expect: FAIL "no replication"
  bucket = "example-ledger"
}

resource "aws_s3_bucket_versioning" "ledger" {
  bucket = aws_s3_bucket.ledger.id
  versioning_configuration {
    status = "Enabled"
  }
}
