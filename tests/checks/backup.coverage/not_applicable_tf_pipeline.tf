# A bucket that only holds pipeline artifacts, which every run rebuilds.

resource "aws_s3_bucket" "artifacts" { # expect: NOT_APPLICABLE "holds pipeline artifacts of aws_codepipeline.release"
  bucket = "example-pipeline-artifacts"
}

resource "aws_codepipeline" "release" {
  name     = "release"
  role_arn = "arn:aws:iam::123456789012:role/codepipeline"

  artifact_store {
    location = aws_s3_bucket.artifacts.bucket
    type     = "S3"
  }

  stage {
    name = "Source"

    action {
      name             = "Source"
      category         = "Source"
      owner            = "AWS"
      provider         = "S3"
      version          = "1"
      output_artifacts = ["source"]

      configuration = {
        S3Bucket    = "example-sources"
        S3ObjectKey = "shop.zip"
      }
    }
  }

  stage {
    name = "Deploy"

    action {
      name            = "Deploy"
      category        = "Deploy"
      owner           = "AWS"
      provider        = "ECS"
      version         = "1"
      input_artifacts = ["source"]

      configuration = {
        ClusterName = "shop"
        ServiceName = "web"
      }
    }
  }
}
