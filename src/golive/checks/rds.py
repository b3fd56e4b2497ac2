"""Checks on RDS instances and Aurora clusters (catalogue: ``catalog/rds.yaml``)."""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.context import Context
from golive.model import Resource
from golive.values import Reference, Unknown, is_true

INSTANCE = "AWS::RDS::DBInstance"
#: SQL Server Express edition cannot run Multi-AZ.
_NO_MULTI_AZ_ENGINES = ("sqlserver-ex",)


@check("rds.multi-az")
def multi_az(database: Resource, ctx: Context) -> Verdict:
    if database.type == INSTANCE:
        return _instance(database, ctx)
    return _cluster(database, ctx)


def _instance(instance: Resource, ctx: Context) -> Verdict:
    cluster = ctx.value(instance, "DBClusterIdentifier")
    if not cluster.absent:
        return not_applicable("an instance of a DB cluster: availability is judged on the cluster")
    replica = ctx.value(instance, "SourceDBInstanceIdentifier")
    if not replica.absent:
        return not_applicable("a read replica: Multi-AZ protects its source instance")
    engine = ctx.value(instance, "Engine")
    if engine.known and str(engine.value).lower().startswith("aurora"):
        # NOTE: MultiAZ does not apply to Aurora instances (RDS API reference): the cluster
        # places its instances, so availability is judged on the cluster.
        return not_applicable("an Aurora instance: availability is judged on its cluster")
    if engine.known and str(engine.value).lower() in _NO_MULTI_AZ_ENGINES:
        return not_applicable(f"engine {engine.value} does not support Multi-AZ")
    enabled = ctx.value(instance, "MultiAZ")
    if enabled.unknown:
        return unknown(f"MultiAZ is not known: {enabled.reason}", "MultiAZ")
    if enabled.absent or not is_true(enabled.value):
        return failed(
            "single-AZ: a zone failure or host failure takes the database down", "MultiAZ"
        )
    return passed("Multi-AZ with a synchronous standby", "MultiAZ")


def _cluster(cluster: Resource, ctx: Context) -> Verdict:
    engine = ctx.value(cluster, "Engine")
    if engine.unknown:
        return unknown(f"the engine is not known: {engine.reason}", "Engine")
    name = str(engine.value or "").lower()
    if not name.startswith("aurora"):
        if not ctx.value(cluster, "DBClusterInstanceClass").absent:
            return passed("a Multi-AZ DB cluster: a writer and two readers in three zones")
        return unknown(
            f"engine {engine.value!r}: not an Aurora or Multi-AZ DB cluster golive knows"
        )
    mode = ctx.value(cluster, "EngineMode")
    if mode.known and mode.value == "serverless":
        return failed(
            "Aurora Serverless v1 keeps a single instance; on failure it is recreated "
            "in another zone, slowly",
            "EngineMode",
        )
    linked = [r for r in ctx.referrers(cluster, INSTANCE) if _member_of(r, cluster, ctx)]
    # NOTE: an instance under a false Condition is not deployed; under an undecided one, maybe.
    decided = {r.logical_id: _deployed(r, ctx) for r in linked}
    members = [r for r in linked if decided[r.logical_id] is True]
    maybe = [r for r in linked if isinstance(decided[r.logical_id], Unknown)]
    if len(members) < 2 <= len(members) + len(maybe):
        first = decided[maybe[0].logical_id]
        why = first.reason if isinstance(first, Unknown) else ""
        return unknown(
            f"{len(members) + len(maybe)} instances only if "
            f"{', '.join(r.logical_id for r in maybe)} is deployed: {why}"
        )
    members = members or maybe
    if len(members) >= 2:
        zones = {
            str(ctx.value(m, "AvailabilityZone").value)
            for m in members
            if ctx.value(m, "AvailabilityZone").known
        }
        if len(zones) == 1 and len(members) == len(
            [m for m in members if ctx.value(m, "AvailabilityZone").known]
        ):
            return failed(
                f"{len(members)} instances, all pinned to {zones.pop()}", "AvailabilityZone"
            )
        return passed(
            f"{len(members)} instances ({', '.join(m.logical_id for m in members)}): "
            "a reader takes over when the writer's zone fails"
        )
    if members:
        return failed(f"one instance ({members[0].logical_id}): no reader to fail over to")
    return failed("no instances in this template: add a writer and a reader in another zone")


def _deployed(instance: Resource, ctx: Context) -> bool | Unknown:
    if not instance.condition:
        return True
    return ctx.resolver.condition(instance.condition)


def _member_of(instance: Resource, cluster: Resource, ctx: Context) -> bool:
    value = ctx.resolver.resolve(instance.properties.get("DBClusterIdentifier"))
    return isinstance(value, Reference) and value.logical_id == cluster.logical_id
