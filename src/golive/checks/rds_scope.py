"""Where an RDS setting lives: on a DB instance, on its DB cluster, or on either.

The RDS checks of ``rds_data.py`` and ``rds_operations.py`` share these answers.

- Cluster settings (storage encryption, backup retention, deletion protection, log exports,
  IAM authentication, the master password) belong to the DB cluster: an instance of a
  cluster, or an Aurora instance, is NOT_APPLICABLE and the cluster carries the verdict.
- Instance settings a cluster may set for all its instances (Performance Insights, Enhanced
  Monitoring, automatic minor version upgrades) are judged on each instance: its own value
  when it sets one, else its cluster's. An Aurora cluster is then NOT_APPLICABLE; a Multi-AZ
  DB cluster, whose instances never appear in a template, is judged on its own properties.
"""

from __future__ import annotations

from dataclasses import dataclass

from golive.checks.base import Verdict, failed, not_applicable, passed, unknown
from golive.context import Context, Value
from golive.model import Resource
from golive.values import ABSENT, Reference, Text, Unknown, is_true

INSTANCE = "AWS::RDS::DBInstance"
CLUSTER = "AWS::RDS::DBCluster"
#: Properties that make an instance a read replica.
_REPLICA_SOURCES = (
    "SourceDBInstanceIdentifier",
    "SourceDBClusterIdentifier",
    "SourceDbiResourceId",
)
#: Properties that restore a database from a snapshot or an earlier point in time.
_RESTORE_SOURCES = {
    INSTANCE: (
        "DBSnapshotIdentifier",
        "DBClusterSnapshotIdentifier",
        "SourceDBInstanceAutomatedBackupsArn",
    ),
    CLUSTER: ("SnapshotIdentifier", "SourceDBClusterIdentifier", "SourceDbClusterResourceId"),
}


def deletion_protection_verdict(db: Resource, ctx: Context, what: str) -> Verdict:
    """DeletionProtection on ``db`` (a "database" or "cluster"): PASS, FAIL or UNKNOWN."""
    flag = ctx.value(db, "DeletionProtection")
    if flag.unknown:
        return unknown(f"DeletionProtection is not known: {flag.reason}", "DeletionProtection")
    if flag.known and is_true(flag.value):
        return passed("deletion protection on", "DeletionProtection")
    state = "false" if flag.known else "not set"
    return failed(
        f"DeletionProtection is {state}: one API call, console click or stack replacement "
        f"deletes the {what}",
        "DeletionProtection",
    )


@dataclass(frozen=True)
class Membership:
    """The DB cluster an instance belongs to: in this template (``cluster``) or elsewhere."""

    cluster: Resource | None
    name: str


def membership(instance: Resource, ctx: Context) -> Membership | None:
    """The instance's cluster, or None when it is a stand-alone instance."""
    if instance.type != INSTANCE:
        return None
    raw = instance.properties.get("DBClusterIdentifier")
    value = ABSENT if raw is None else ctx.resolver.resolve(raw)
    if value is ABSENT or value == "":
        return None
    cluster = ctx.resource(value)
    if cluster is not None and cluster.type == CLUSTER:
        return Membership(cluster, cluster.logical_id)
    if isinstance(value, (Unknown, Text)):
        return Membership(None, f"({value.reason})")
    if isinstance(value, Reference):
        return Membership(None, value.logical_id)
    return Membership(None, str(value))


def engine(db: Resource, ctx: Context) -> str | Unknown | None:
    """The engine, lower case; an instance without one takes its cluster's, when known."""
    value = ctx.value(db, "Engine")
    if value.absent:
        member = membership(db, ctx)
        if member is not None and member.cluster is not None:
            value = ctx.value(member.cluster, "Engine")
    if value.unknown:
        return Unknown(f"the engine is not known: {value.reason}")
    return None if value.absent else str(value.value).lower()


def is_aurora(name: str | Unknown | None) -> bool:
    return isinstance(name, str) and name.startswith("aurora")


def serverless_v1(cluster: Resource, ctx: Context) -> bool:
    mode = ctx.value(cluster, "EngineMode")
    return cluster.type == CLUSTER and mode.known and str(mode.value).lower() == "serverless"


def cluster_setting(db: Resource, ctx: Context, what: str) -> Verdict | None:
    """NOT_APPLICABLE for an instance whose ``what`` is set on its cluster, else None."""
    if db.type != INSTANCE:
        return None
    member = membership(db, ctx)
    if member is not None:
        return not_applicable(
            f"an instance of DB cluster {member.name}: {what} is a cluster setting, "
            "judged on the cluster"
        )
    if is_aurora(engine(db, ctx)):
        return not_applicable(f"an Aurora instance: {what} is set on its DB cluster")
    return None


def _point_in_time(instance: Resource, ctx: Context) -> bool:
    """A source instance with a restore time is a point-in-time restore, not a replica."""
    latest = ctx.value(instance, "UseLatestRestorableTime")
    return not ctx.value(instance, "RestoreTime").absent or (latest.known and is_true(latest.value))


def _source(instance: Resource, ctx: Context) -> str | None:
    return next((p for p in _REPLICA_SOURCES if not ctx.value(instance, p).absent), None)


def replica_source(instance: Resource, ctx: Context) -> str | None:
    """The property that makes ``instance`` a read replica, if any."""
    if instance.type != INSTANCE or _point_in_time(instance, ctx):
        return None
    return _source(instance, ctx)


def decided_elsewhere(db: Resource, ctx: Context, what: str, replica: str) -> Verdict | None:
    """NOT_APPLICABLE when ``what`` is set on the cluster (``cluster_setting``) or ``db`` is a
    read replica, whose source decides it (``replica`` says how); else None."""
    exempt = cluster_setting(db, ctx, what)
    if exempt is not None:
        return exempt
    source = replica_source(db, ctx)
    if source is not None:
        return not_applicable(f"a read replica ({source}): {replica}")
    return None


def restored_from(db: Resource, ctx: Context) -> str | None:
    """The property that restores ``db`` from a snapshot or a source database, if any."""
    for prop in _RESTORE_SOURCES.get(db.type, ()):
        value = ctx.value(db, prop)
        if not value.absent and value.value != "":
            return prop
    if db.type == INSTANCE and _point_in_time(db, ctx):
        return _source(db, ctx)
    return None


def per_instance_scope(db: Resource, ctx: Context, what: str) -> Verdict | None:
    """For settings judged on each instance: NOT_APPLICABLE or UNKNOWN for an Aurora cluster."""
    if db.type != CLUSTER:
        return None
    name = engine(db, ctx)
    if isinstance(name, Unknown):
        return unknown(name.reason, "Engine")
    if serverless_v1(db, ctx):
        return not_applicable(
            f"Aurora Serverless v1 runs without DB instances of its own; {what} does not apply"
        )
    if is_aurora(name):
        return not_applicable(
            f"an Aurora cluster: {what} is judged on each of its DB instances, which take the "
            "cluster's setting unless they set their own"
        )
    return None


def inherited(instance: Resource, ctx: Context, own: str, on_cluster: str) -> tuple[Value, str]:
    """An instance setting, or its cluster's when the instance sets none.

    The text says where a value from the cluster came from (empty for the instance's own).
    """
    value = ctx.value(instance, own)
    member = membership(instance, ctx) if value.absent else None
    if member is None:
        return value, ""
    if member.cluster is None:
        return (
            Value(
                reason=f"the instance sets no {own} and its DB cluster {member.name} is not in "
                f"this template; the cluster's {on_cluster} may set it"
            ),
            "",
        )
    found = ctx.value(member.cluster, on_cluster)
    return found, "" if found.absent else f" ({on_cluster} of DB cluster {member.name})"
