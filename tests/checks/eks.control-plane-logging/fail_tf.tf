# Clusters that keep control-plane logs to themselves.

resource "aws_eks_cluster" "silent" { # expect: FAIL "api, audit, authenticator, controllerManager, scheduler"
  name     = "silent"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  }
}

resource "aws_eks_cluster" "audit_only" { # expect: FAIL "not sent to CloudWatch: api, authenticator, controllerManager, scheduler"
  name                      = "audit-only"
  role_arn                  = "arn:aws:iam::111122223333:role/eks-cluster"
  enabled_cluster_log_types = ["audit"]

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  }
}
