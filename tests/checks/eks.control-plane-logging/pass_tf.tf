# Every control-plane log type goes to CloudWatch.

resource "aws_eks_cluster" "main" { # expect: PASS "control-plane logs sent to CloudWatch"
  name                      = "main"
  role_arn                  = "arn:aws:iam::111122223333:role/eks-cluster"
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  }
}
