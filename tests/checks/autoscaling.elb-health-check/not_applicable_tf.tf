resource "aws_launch_template" "workers" {
  name          = "workers"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
}

resource "aws_autoscaling_group" "workers" { # expect: NOT_APPLICABLE "not attached to a load balancer"
  min_size            = 1
  max_size            = 10
  vpc_zone_identifier = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]

  launch_template {
    id = aws_launch_template.workers.id
  }
}
