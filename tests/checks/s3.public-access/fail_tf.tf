# A provider v3 bucket with a public canned ACL, a split ACL resource open for writing, and a
# bucket policy that lets anyone read.

resource "aws_s3_bucket" "legacy_site" { # expect: FAIL "AccessControl PublicRead"
  bucket = "example-legacy-site"
  acl    = "public-read"
}

resource "aws_s3_bucket" "dropbox" { # expect: FAIL "AccessControl PublicReadWrite"
  bucket = "example-dropbox"
}

resource "aws_s3_bucket_acl" "dropbox" {
  bucket = aws_s3_bucket.dropbox.id
  acl    = "public-read-write"
}

resource "aws_s3_bucket" "downloads" { # expect: FAIL "bucket policy aws_s3_bucket_policy.downloads allows anyone (s3:GetObject)"
  bucket = "example-downloads"
}

resource "aws_s3_bucket_policy" "downloads" {
  bucket = aws_s3_bucket.downloads.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.downloads.arn}/*"
    }]
  })
}

# An ACL written as grants: READ for the AllUsers group is the public-read canned ACL.
resource "aws_s3_bucket" "catalog" { # expect: FAIL "AccessControl PublicRead"
  bucket = "example-catalog"
}

resource "aws_s3_bucket_acl" "catalog" {
  bucket = aws_s3_bucket.catalog.id
  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "READ"
    }
    owner {
      id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    }
  }
}
