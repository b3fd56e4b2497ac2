"""Checks on CloudWatch Logs log groups (catalogue: ``catalog/logs.yaml``)."""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, passed, unknown
from golive.context import Context
from golive.model import Resource
from golive.values import Text


@check("logs.encryption")
def encryption(group: Resource, ctx: Context) -> Verdict:
    key = ctx.value(group, "KmsKeyId")
    raw = ctx.resolver.resolve(group.properties.get("KmsKeyId"))
    if isinstance(raw, Text) and raw.literal(""):
        # A key ARN built with Fn::Sub names a key even where its region or account is open.
        return passed("encrypted with a KMS key (KmsKeyId)", "KmsKeyId")
    if key.unknown:
        return unknown(f"the key is not known: {key.reason}", "KmsKeyId")
    if key.absent or key.value == "":
        return failed(
            "no KMS key: log data is encrypted only with a key CloudWatch Logs "
            "manages, outside your key policies and audit",
            "KmsKeyId",
        )
    return passed("encrypted with a KMS key (KmsKeyId)", "KmsKeyId")


@check("logs.retention")
def retention(group: Resource, ctx: Context) -> Verdict:
    minimum = int(ctx.option("min_days"))
    days = ctx.value(group, "RetentionInDays")
    if days.unknown:
        return unknown(f"retention is not known: {days.reason}", "RetentionInDays")
    if days.absent:
        return failed(
            f"no retention period: logs are kept forever (the {ctx.profile.value} "
            f"profile asks for at least {minimum} days, then expiry)",
            "RetentionInDays",
        )
    try:
        value = int(days.value)
    except (TypeError, ValueError):
        return unknown(f"retention {days.value!r} is not a number of days", "RetentionInDays")
    if value < minimum:
        return failed(
            f"keeps logs {value} days, under the {minimum} days the "
            f"{ctx.profile.value} profile asks for",
            "RetentionInDays",
        )
    return passed(f"keeps logs {value} days (at least {minimum})", "RetentionInDays")
