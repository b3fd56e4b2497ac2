"""Checks on CloudWatch Logs log groups (catalogue: ``catalog/logs.yaml``)."""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, passed, required, unknown
from golive.checks.resource_policy import named
from golive.context import Context
from golive.model import Resource


@check("logs.encryption")
def encryption(group: Resource, ctx: Context) -> Verdict:
    return required(
        named(group, ctx, "KmsKeyId"),
        "KmsKeyId",
        what="the key",
        present="encrypted with a KMS key (KmsKeyId)",
        missing="no KMS key: log data is encrypted only with a key CloudWatch Logs "
        "manages, outside your key policies and audit",
    )


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
