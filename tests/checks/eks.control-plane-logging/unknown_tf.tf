# The log types are given at deployment.

variable "log_types" {
  type = list(string)
}

resource "aws_eks_cluster" "main" { # expect: UNKNOWN "the enabled log types are not known"
  name                      = "main"
  role_arn                  = "arn:aws:iam::111122223333:role/eks-cluster"
  enabled_cluster_log_types = var.log_types

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  }
}
