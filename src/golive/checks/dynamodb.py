"""Checks on DynamoDB tables and global tables (catalogue: ``catalog/dynamodb.yaml``).

A table (``AWS::DynamoDB::Table``) carries point-in-time recovery, deletion protection and
its key at the top level. A global table (``AWS::DynamoDB::GlobalTable``) carries them per
replica, so every replica is judged: one unprotected region is enough to lose the data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from golive.checks.base import Verdict, check, failed, passed, unknown
from golive.checks.resource_policy import dig, doubt, key_kind, resolved
from golive.context import Context
from golive.graph import Graph
from golive.model import Resource
from golive.per_stack import per_stack
from golive.resolver import Resolver
from golive.values import ABSENT, Reference, Text, first_unknown, is_true

TABLE = "AWS::DynamoDB::Table"
GLOBAL_TABLE = "AWS::DynamoDB::GlobalTable"
TARGET = "AWS::ApplicationAutoScaling::ScalableTarget"
POLICY = "AWS::ApplicationAutoScaling::ScalingPolicy"
_DIMENSIONS = {
    "dynamodb:table:ReadCapacityUnits": "read",
    "dynamodb:table:WriteCapacityUnits": "write",
}


def _replicas(table: Resource, ctx: Context) -> tuple[list[tuple[str, dict[str, Any]]], str | None]:
    """Each replica of a global table with how reasons name it, or why they are not known."""
    replicas = resolved(table, ctx, "Replicas")
    if doubt(replicas):
        return [], doubt(replicas)
    found = []
    for replica in replicas if isinstance(replicas, list) else []:
        if isinstance(replica, dict):
            region = replica.get("Region")
            found.append((f"replica {region}" if isinstance(region, str) else "a replica", replica))
    return found, None


def _per_replica(table: Resource, ctx: Context, *path: str) -> tuple[list[str], str | None]:
    """Replicas whose setting at ``path`` is not true, and why a setting is not known."""
    replicas, reason = _replicas(table, ctx)
    missing = []
    for name, replica in replicas:
        value = dig(replica, *path)
        if doubt(value):
            reason = reason or f"{name}: {doubt(value)}"
        elif not is_true(value):
            missing.append(name)
    return missing, reason


def _regions(names: list[str]) -> str:
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


@check("dynamodb.point-in-time-recovery")
def point_in_time_recovery(table: Resource, ctx: Context) -> Verdict:
    at = "PointInTimeRecoverySpecification"
    if table.type == GLOBAL_TABLE:
        missing, reason = _per_replica(table, ctx, at, "PointInTimeRecoveryEnabled")
        if missing:
            return failed(f"no point-in-time recovery on {_regions(missing)}", "Replicas")
        if reason:
            return unknown(f"point-in-time recovery is not known: {reason}", "Replicas")
        return passed("point-in-time recovery on every replica", "Replicas")
    enabled = ctx.value(table, f"{at}.PointInTimeRecoveryEnabled")
    if enabled.unknown:
        return unknown(f"point-in-time recovery is not known: {enabled.reason}", at)
    if not is_true(enabled.value):
        return failed(
            "no point-in-time recovery: a bad write, a bug or a deleted item cannot be undone",
            at,
        )
    days = ctx.value(table, f"{at}.RecoveryPeriodInDays")
    window = days.value if days.known else 35
    return passed(f"point-in-time recovery to any second of the last {window} days", at)


def _key_verdict(enabled: Any, key: Any, at: str) -> Verdict:
    if doubt(enabled):
        return unknown(f"the table's encryption is not known: {doubt(enabled)}", at)
    if not is_true(enabled):
        return failed(
            "encrypted with an AWS-owned key (SSEEnabled not true): you cannot see, audit or "
            "revoke its use",
            at,
        )
    kind = key_kind(key)
    if kind == "unknown":
        return unknown(f"the KMS key is not known: {doubt(key)}", at)
    if kind == "customer":
        return passed("encrypted with a customer-managed KMS key", at)
    return failed(
        "encrypted with the AWS-managed key aws/dynamodb: its policy cannot be changed, "
        "so access to the data cannot be limited through the key",
        at,
    )


@check("dynamodb.encryption-cmk")
def encryption_cmk(table: Resource, ctx: Context) -> Verdict:
    sse = resolved(table, ctx, "SSESpecification")
    enabled = dig(sse, "SSEEnabled") if sse is not ABSENT else ABSENT
    if table.type == TABLE:
        return _key_verdict(enabled, dig(sse, "KMSMasterKeyId"), "SSESpecification")
    replicas, reason = _replicas(table, ctx)
    if reason:
        return unknown(f"the replicas are not known: {reason}", "Replicas")
    verdicts = [
        (name, _key_verdict(enabled, dig(r, "SSESpecification", "KMSMasterKeyId"), "Replicas"))
        for name, r in replicas
    ]
    for wanted in ("FAIL", "UNKNOWN"):
        for name, verdict in verdicts:
            if verdict.status.value == wanted:
                return Verdict(verdict.status, f"{name}: {verdict.reason}", "Replicas")
    return passed("every replica is encrypted with a customer-managed KMS key", "Replicas")


@check("dynamodb.deletion-protection")
def deletion_protection(table: Resource, ctx: Context) -> Verdict:
    if table.type == GLOBAL_TABLE:
        missing, reason = _per_replica(table, ctx, "DeletionProtectionEnabled")
        if missing:
            return failed(
                f"no deletion protection on {_regions(missing)}: one API call deletes it",
                "Replicas",
            )
        if reason:
            return unknown(f"deletion protection is not known: {reason}", "Replicas")
        return passed("deletion protection on every replica", "Replicas")
    enabled = ctx.value(table, "DeletionProtectionEnabled")
    if enabled.unknown:
        return unknown(
            f"deletion protection is not known: {enabled.reason}", "DeletionProtectionEnabled"
        )
    if is_true(enabled.value):
        return passed("deletion protection enabled", "DeletionProtectionEnabled")
    return failed(
        "no deletion protection: one DeleteTable call, from a console, a script or another "
        "stack, removes the table and its data",
        "DeletionProtectionEnabled",
    )


# --- capacity ----------------------------------------------------------------------------------


@dataclass
class ScalingIndex:
    """Table logical id -> the dimensions its scalable targets cover, each with a policy or not."""

    scaled: dict[str, dict[str, bool]] = field(default_factory=lambda: defaultdict(dict))
    #: targets whose table is not known, with the reason
    open: list[tuple[str, str]] = field(default_factory=list)


def _table_of(resource_id: Any, names: Mapping[str, str]) -> str | None:
    """The logical id of the table a ResourceId names (``table/<name>``), if one of the stack."""
    parts = resource_id.parts if isinstance(resource_id, Text) else (resource_id,)
    if len(parts) == 2 and parts[0] == "table/" and isinstance(parts[1], Reference):
        return parts[1].logical_id if parts[1].attribute is None else None
    if isinstance(resource_id, str) and resource_id.startswith("table/"):
        return names.get(resource_id.removeprefix("table/"))
    return None


@per_stack
def scaling_index(graph: Graph, resolver: Resolver) -> ScalingIndex:
    """Which tables' read and write capacity Application Auto Scaling manages."""
    index = ScalingIndex()
    names: dict[str, str] = {}
    for table in graph.of_type(TABLE):
        name = resolver.resolve(table.properties.get("TableName"))
        if isinstance(name, str):
            names[name] = table.logical_id
    for target in graph.of_type(TARGET):
        dimension = resolver.resolve(target.properties.get("ScalableDimension"))
        resource_id = resolver.resolve(target.properties.get("ResourceId"))
        if isinstance(dimension, str) and dimension not in _DIMENSIONS:
            continue
        scaled = _table_of(resource_id, names)
        reason = first_unknown(dimension) or first_unknown(resource_id)
        if scaled is None:
            if reason:
                index.open.append((target.logical_id, reason))
            continue
        if not isinstance(dimension, str):
            index.open.append((target.logical_id, reason or "its dimension is not known"))
            continue
        has_policy = bool(graph.referrers(target.logical_id, POLICY))
        previous = index.scaled[scaled].get(_DIMENSIONS[dimension], False)
        index.scaled[scaled][_DIMENSIONS[dimension]] = previous or has_policy
    return index


@check("dynamodb.capacity-scaling")
def capacity_scaling(table: Resource, ctx: Context) -> Verdict:
    mode = ctx.value(table, "BillingMode")
    if mode.unknown:
        return unknown(f"the billing mode is not known: {mode.reason}", "BillingMode")
    if mode.known and mode.value == "PAY_PER_REQUEST":
        return passed("on-demand capacity (PAY_PER_REQUEST)", "BillingMode")
    if table.type == GLOBAL_TABLE:
        return _global_capacity(table, ctx)
    index = scaling_index(ctx.graph, ctx.facts.resolver)
    scaled = index.scaled.get(table.logical_id, {})
    fixed = [d for d in ("read", "write") if d not in scaled]
    idle = [d for d in ("read", "write") if d in scaled and not scaled[d]]
    if fixed and index.open:
        target, reason = index.open[0]
        return unknown(f"scalable target {target} may be this table's: {reason}", "BillingMode")
    if fixed:
        return failed(
            f"provisioned {' and '.join(fixed)} capacity with no auto scaling: traffic above "
            "it is throttled, and capacity below it is paid for idle",
            "ProvisionedThroughput",
        )
    if idle:
        return failed(
            f"the scalable target for {' and '.join(idle)} capacity has no scaling policy, so "
            "it never scales",
            "ProvisionedThroughput",
        )
    return passed("provisioned capacity with auto scaling for reads and writes", "BillingMode")


def _global_capacity(table: Resource, ctx: Context) -> Verdict:
    at = "WriteProvisionedThroughputSettings"
    writes = dig(resolved(table, ctx, at), "WriteCapacityAutoScalingSettings")
    replicas, reason = _replicas(table, ctx)
    if doubt(writes) or reason:
        return unknown(f"the capacity settings are not known: {doubt(writes) or reason}", at)
    if writes is ABSENT:
        return failed("provisioned write capacity with no WriteCapacityAutoScalingSettings", at)
    fixed = []
    for name, replica in replicas:
        reads = dig(replica, "ReadProvisionedThroughputSettings", "ReadCapacityAutoScalingSettings")
        if doubt(reads):
            return unknown(f"{name}: read capacity is not known: {doubt(reads)}", "Replicas")
        if reads is ABSENT:
            fixed.append(name)
    if fixed:
        return failed(
            f"fixed read capacity on {_regions(fixed)}: reads above it are throttled",
            "Replicas",
        )
    return passed("provisioned capacity with auto scaling for writes and every replica's reads")
