resource "aws_launch_configuration" "workers" {
  name_prefix   = "workers-"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
}

resource "aws_autoscaling_group" "workers" { # expect: FAIL "uses a launch configuration"
  min_size             = 1
  max_size             = 4
  launch_configuration = aws_launch_configuration.workers.name
  vpc_zone_identifier  = ["subnet-0a1b2c3d4e5f60718"]
}
