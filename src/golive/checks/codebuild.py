"""Checks on CodeBuild projects (catalogue: ``catalog/codebuild.yaml``)."""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, passed, unknown
from golive.context import Context
from golive.model import Resource
from golive.values import Text


@check("codebuild.encryption-cmk")
def encryption_cmk(project: Resource, ctx: Context) -> Verdict:
    key = ctx.value(project, "EncryptionKey")
    if key.absent or key.value == "":
        return failed(
            "no EncryptionKey: artifacts are encrypted with the AWS-managed S3 key", "EncryptionKey"
        )
    raw = ctx.resolver.resolve(project.properties.get("EncryptionKey"))
    literal = raw.literal("*") if isinstance(raw, Text) else raw if isinstance(raw, str) else None
    if isinstance(raw, Text) and not raw.literal(""):
        literal = None  # nothing of the value is known, e.g. !Sub "${KeyParameter}"
    if literal is not None and "alias/aws/" in literal:
        return failed(
            f"EncryptionKey {literal} is an AWS-managed key, not a customer-managed one",
            "EncryptionKey",
        )
    if key.unknown and literal is None:
        return unknown(f"the key is not known: {key.reason}", "EncryptionKey")
    return passed("artifacts encrypted with a customer-managed key", "EncryptionKey")
