# An SSH key without source security groups: port 22 open to the world.

resource "aws_eks_node_group" "nodes" { # expect: FAIL "EKS opens port 22 on every node to 0.0.0.0/0"
  cluster_name    = "main"
  node_group_name = "nodes"
  node_role_arn   = "arn:aws:iam::111122223333:role/eks-nodes"
  subnet_ids      = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  instance_types  = ["m7g.large"]
  ami_type        = "AL2023_ARM_64_STANDARD"

  scaling_config {
    desired_size = 3
    max_size     = 6
    min_size     = 3
  }

  remote_access {
    ec2_ssh_key = "ops"
  }
}
