# The allowed ranges are given at deployment.

variable "admin_cidrs" {
  type = list(string)
}

resource "aws_eks_cluster" "main" { # expect: UNKNOWN "allowed ranges are not known"
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids          = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
    public_access_cidrs = var.admin_cidrs
  }
}
