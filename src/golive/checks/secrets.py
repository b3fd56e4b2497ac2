"""Checks on Secrets Manager secrets (catalogue: ``catalog/secretsmanager.yaml``)."""

from __future__ import annotations

import re

from golive.checks.base import Verdict, check, failed, passed, required, unknown
from golive.checks.resource_policy import named
from golive.context import Context
from golive.graph import Graph
from golive.model import Resource
from golive.per_stack import per_stack
from golive.resolver import Resolver
from golive.values import Reference, Text

SCHEDULE = "AWS::SecretsManager::RotationSchedule"
_RATE = re.compile(r"^\s*rate\(\s*(\d+)\s+(day|days|hour|hours)\s*\)\s*$", re.IGNORECASE)
_MANAGED_KEYS = ("alias/aws/", "aws/secretsmanager")


def _schedules(secret: Resource, ctx: Context) -> list[Resource]:
    """Rotation schedules whose SecretId points at ``secret``."""
    found: dict[str, Resource] = {}
    for edge in ctx.graph.incoming.get(secret.logical_id, ()):
        source = ctx.graph.stack.resources.get(edge.source)
        if source is not None and source.type == SCHEDULE and edge.path[1:2] == ("SecretId",):
            found.setdefault(source.logical_id, source)
    return list(found.values())


def _names_its_secret(schedule: Resource, resolver: Resolver) -> bool:
    """Whether the schedule's SecretId is a name or a reference (not known only at deployment)."""
    return isinstance(resolver.resolve(schedule.properties.get("SecretId")), (str, Reference))


@per_stack
def _open_schedules(graph: Graph, resolver: Resolver) -> list[Resource]:
    """Rotation schedules whose secret the stack's base resolver cannot name, in template order.

    Each secret without a schedule of its own asks whether another schedule might rotate it;
    reading every schedule for every secret made the check quadratic. A SecretId that
    resolves to a name or a reference here does so under every branch the engine explores,
    so only these few are read again with the secret's own context.
    """
    return [s for s in graph.of_type(SCHEDULE) if not _names_its_secret(s, resolver)]


def _interval_days(schedule: Resource, ctx: Context) -> tuple[float | None, str]:
    """The rotation interval in days (None when not readable) and how it is written."""
    after = ctx.value(schedule, "RotationRules.AutomaticallyAfterDays")
    if after.known:
        try:
            return float(after.value), f"every {after.value} days"
        except (TypeError, ValueError):
            return None, f"AutomaticallyAfterDays {after.value!r}"
    expression = ctx.value(schedule, "RotationRules.ScheduleExpression")
    if expression.known and isinstance(expression.value, str):
        rate = _RATE.match(expression.value)
        if rate:
            amount = int(rate.group(1))
            days = amount if rate.group(2).lower().startswith("day") else amount / 24
            return days, f"on {expression.value}"
        return 0.0, f"on {expression.value}"
    reason = after.reason or expression.reason
    return None, reason or "no RotationRules"


@check("secretsmanager.rotation")
def rotation(secret: Resource, ctx: Context) -> Verdict:
    limit = int(ctx.option("max_days"))
    schedules = _schedules(secret, ctx)
    if schedules:
        schedule = schedules[0]
        days, how = _interval_days(schedule, ctx)
        if days is None:
            return unknown(f"rotated by {schedule.logical_id}, interval not known: {how}")
        if days > limit:
            return failed(
                f"rotated by {schedule.logical_id} {how}, less often than every {limit} days "
                f"(the {ctx.profile.value} profile)"
            )
        return passed(f"rotated by {schedule.logical_id} {how}")
    for other in _open_schedules(ctx.graph, ctx.facts.resolver):
        if not _names_its_secret(other, ctx.resolver):
            return unknown(
                f"rotation schedule {other.logical_id} names a secret known only at deployment; "
                "it may rotate this one"
            )
    return failed(
        "no rotation schedule: the secret keeps the same value until someone changes it by hand"
    )


@check("secretsmanager.encryption-cmk")
def encryption_cmk(secret: Resource, ctx: Context) -> Verdict:
    raw = ctx.resolver.resolve(secret.properties.get("KmsKeyId"))
    literal = raw.literal("*") if isinstance(raw, Text) else raw
    if isinstance(literal, str) and any(m in literal for m in _MANAGED_KEYS):
        return failed(f"KmsKeyId {literal} is the AWS-managed key", "KmsKeyId")
    return required(
        named(secret, ctx, "KmsKeyId"),
        "KmsKeyId",
        what="the key",
        present="encrypted with a customer-managed key (KmsKeyId)",
        missing="no KmsKeyId: encrypted with the AWS-managed key aws/secretsmanager, which "
        "key policies cannot restrict and other accounts cannot use",
    )
