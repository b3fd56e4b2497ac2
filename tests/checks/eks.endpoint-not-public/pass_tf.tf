# A private endpoint, and a public one limited to two ranges.

resource "aws_eks_cluster" "private" { # expect: PASS "the API server endpoint is private"
  name     = "private"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids              = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}

resource "aws_eks_cluster" "ci" { # expect: PASS "accepts only 2 CIDR ranges"
  name     = "ci"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids              = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
    endpoint_private_access = true
    public_access_cidrs     = ["203.0.113.0/24", "198.51.100.10/32"]
  }
}
