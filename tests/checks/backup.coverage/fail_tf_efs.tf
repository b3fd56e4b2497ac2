# An EFS file system without automatic backups, and one whose backup policy is disabled.

resource "aws_efs_file_system" "shared" { # expect: FAIL "automatic backups off (BackupPolicy)"
  creation_token = "shared"
  encrypted      = true
}

resource "aws_efs_file_system" "uploads" { # expect: FAIL "automatic backups off"
  creation_token = "uploads"
  encrypted      = true
}

resource "aws_efs_backup_policy" "uploads" {
  file_system_id = aws_efs_file_system.uploads.id

  backup_policy {
    status = "DISABLED"
  }
}
