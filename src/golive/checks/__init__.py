"""The built-in checks. Importing this package registers them; it performs no I/O."""

from golive.checks import awslambda, cloudfront, codebuild, logs, rds, tagging
from golive.checks.base import REGISTRY

__all__ = ["REGISTRY", "awslambda", "cloudfront", "codebuild", "logs", "rds", "tagging"]
