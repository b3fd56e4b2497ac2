# A production bucket replicated to a bucket in another Region; the replica is not judged.

provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "replica"
  region = "eu-west-1"
}

resource "aws_s3_bucket" "ledger" { # expect: PASS "replicates objects to another bucket"
  bucket = "example-ledger"
}

resource "aws_s3_bucket_versioning" "ledger" {
  bucket = aws_s3_bucket.ledger.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "ledger_replica" { # expect: NOT_APPLICABLE "the replica of bucket aws_s3_bucket.ledger"
  provider = aws.replica
  bucket   = "example-ledger-replica"
}

resource "aws_s3_bucket_versioning" "ledger_replica" {
  provider = aws.replica
  bucket   = aws_s3_bucket.ledger_replica.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_replication_configuration" "ledger" {
  bucket = aws_s3_bucket.ledger.id
  role   = "arn:aws:iam::123456789012:role/s3-replication"

  rule {
    id     = "replicate-all"
    status = "Enabled"
    filter {}
    delete_marker_replication {
      status = "Enabled"
    }
    destination {
      bucket        = aws_s3_bucket.ledger_replica.arn
      storage_class = "STANDARD_IA"
    }
  }

  depends_on = [aws_s3_bucket_versioning.ledger]
}

# Provider v3 inline replication.
resource "aws_s3_bucket" "journal" { # expect: PASS "replicates objects to another bucket"
  bucket = "example-journal"

  versioning {
    enabled = true
  }

  replication_configuration {
    role = "arn:aws:iam::123456789012:role/s3-replication"
    rules {
      id     = "all"
      status = "Enabled"
      destination {
        bucket = "arn:aws:s3:::example-journal-replica"
      }
    }
  }
}
