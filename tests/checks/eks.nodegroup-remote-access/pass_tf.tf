# No SSH, or SSH from one security group.

resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  }
}

resource "aws_eks_node_group" "nodes" { # expect: PASS "no SSH access to the nodes"
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "nodes"
  node_role_arn   = "arn:aws:iam::111122223333:role/eks-nodes"
  subnet_ids      = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]

  scaling_config {
    desired_size = 3
    max_size     = 6
    min_size     = 3
  }

  tags = {
    team = "platform"
  }
}

resource "aws_eks_node_group" "batch" { # expect: PASS "SSH limited to 1 security group"
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "batch"
  node_role_arn   = "arn:aws:iam::111122223333:role/eks-nodes"
  subnet_ids      = ["subnet-0a1b2c3d4e5f60718"]
  capacity_type   = "SPOT"

  scaling_config {
    desired_size = 0
    max_size     = 10
    min_size     = 0
  }

  remote_access {
    ec2_ssh_key               = "ops"
    source_security_group_ids = ["sg-0123456789abcdef0"]
  }
}
