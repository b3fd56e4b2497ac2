# Kubernetes secrets without a KMS key of the account.

resource "aws_eks_cluster" "main" { # expect: FAIL "no KMS key of yours encrypts Kubernetes secrets"
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  }
}
