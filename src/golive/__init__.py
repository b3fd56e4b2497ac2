"""golive: the production-readiness review of what you deploy on AWS."""

__version__ = "0.1.0"
