"""DocumentDB and Neptune clusters (catalogues: ``catalog/docdb.yaml``, ``catalog/neptune.yaml``).

Both services are built on the Aurora storage engine and share its cluster settings: storage
encryption, automated backup retention, deletion protection and log exports. Their audit logs
take two switches: the cluster's parameter group must turn auditing on (``audit_logs`` for
DocumentDB, ``neptune_enable_audit_log`` for Neptune, both off in the default group), and
the cluster must export the ``audit`` log to CloudWatch Logs.

The checks the two services share are one function registered under both ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from golive.checks.base import Verdict, check, count_setting, failed, passed, unknown
from golive.checks.rds_scope import deletion_protection_verdict
from golive.context import Context
from golive.model import Resource
from golive.values import ABSENT, Reference, Text, Unknown, is_true


@dataclass(frozen=True)
class Service:
    """What differs between the two services."""

    name: str
    parameter_group: str
    audit_parameter: str
    #: Values of the audit parameter that leave auditing off.
    off: tuple[str, ...]
    #: What its audit log records.
    records: str


DOCDB = Service(
    "DocumentDB",
    "AWS::DocDB::DBClusterParameterGroup",
    "audit_logs",
    ("disabled", "none"),
    "authentication attempts, user management and changes to databases, collections and indexes",
)
NEPTUNE = Service(
    "Neptune",
    "AWS::Neptune::DBClusterParameterGroup",
    "neptune_enable_audit_log",
    ("0",),
    "the queries clients send and where they come from",
)
_RESTORE_SOURCES = ("SnapshotIdentifier", "SourceDBClusterIdentifier")


@check("docdb.storage-encryption")
@check("neptune.storage-encryption")
def storage_encryption(cluster: Resource, ctx: Context) -> Verdict:
    flag = ctx.value(cluster, "StorageEncrypted")
    if flag.unknown:
        return unknown(f"StorageEncrypted is not known: {flag.reason}", "StorageEncrypted")
    if flag.known and is_true(flag.value):
        key = ctx.value(cluster, "KmsKeyId")
        whose = "the AWS managed key" if key.absent else "the KMS key in KmsKeyId"
        return passed(f"storage encrypted with {whose}", "StorageEncrypted")
    source = next((p for p in _RESTORE_SOURCES if not ctx.value(cluster, p).absent), None)
    if source is not None and flag.absent:
        return unknown(
            f"restored through {source}: encryption is inherited from the snapshot or source "
            "cluster, which is not in this template",
            source,
        )
    state = "false" if flag.known else "not set"
    return failed(
        f"StorageEncrypted is {state}: the cluster volume, its backups and snapshots are "
        "unencrypted, and encryption can only be chosen when the cluster is created",
        "StorageEncrypted",
    )


@check("docdb.backup-retention")
@check("neptune.backup-retention")
def backup_retention(cluster: Resource, ctx: Context) -> Verdict:
    path = "BackupRetentionPeriod"
    days = ctx.value(cluster, path)
    count = count_setting(days, path, 1, "days")
    if isinstance(count, Verdict):
        return count
    minimum = int(ctx.option("min_days"))
    kept = f"automated backups kept {count} day{'' if count == 1 else 's'}"
    if days.absent:
        kept += " (the default)"
    if count < minimum:
        return failed(
            f"{kept}: a point-in-time restore reaches back no further; the "
            f"{ctx.profile.value} profile asks for {minimum}",
            path,
        )
    return passed(f"{kept} (at least {minimum})", path)


@check("docdb.deletion-protection")
@check("neptune.deletion-protection")
def deletion_protection(cluster: Resource, ctx: Context) -> Verdict:
    return deletion_protection_verdict(cluster, ctx, "cluster")


def _audit_logs(cluster: Resource, ctx: Context, service: Service) -> Verdict:
    path = "EnableCloudwatchLogsExports"
    exports = ctx.value(cluster, path)
    if exports.unknown:
        return unknown(f"the exported logs are not known: {exports.reason}", path)
    logs = (
        [str(x) for x in exports.value] if exports.known and isinstance(exports.value, list) else []
    )
    if "audit" not in logs:
        shown = f"exports {', '.join(logs)} but not audit" if logs else "exports no logs"
        return failed(
            f"{shown}: {service.records} leave no record in CloudWatch Logs",
            path,
        )
    switch = _audit_switch(cluster, ctx, service)
    if isinstance(switch, Unknown):
        return unknown(f"exports audit; {switch.reason}", "DBClusterParameterGroupName")
    if switch is not True:
        return failed(
            f"exports audit, but {switch}, so {service.name} writes no audit records to export",
            "DBClusterParameterGroupName",
        )
    return passed(
        f"audit logging on ({service.audit_parameter}) and exported to CloudWatch Logs", path
    )


def _audit_switch(cluster: Resource, ctx: Context, service: Service) -> bool | str | Unknown:
    """True when the cluster's parameter group turns auditing on; else why not."""
    raw = cluster.properties.get("DBClusterParameterGroupName")
    name = ABSENT if raw is None else ctx.resolver.resolve(raw)
    if name is ABSENT or name == "" or (isinstance(name, str) and name.startswith("default.")):
        return f"the default cluster parameter group leaves {service.audit_parameter} off"
    group = ctx.resource(name) if isinstance(name, Reference) else None
    if group is None or group.type != service.parameter_group:
        shown = name.reason if isinstance(name, (Unknown, Text)) else f"group {name}"
        return Unknown(f"whether its parameter group ({shown}) turns auditing on is not known")
    value = ctx.value(group, f"Parameters.{service.audit_parameter}")
    if value.unknown:
        return Unknown(
            f"{service.audit_parameter} of {group.logical_id} is not known: {value.reason}"
        )
    where = f"parameter group {group.logical_id}"
    if value.absent:
        return f"{where} leaves {service.audit_parameter} at its default, off"
    if str(value.value).lower() in service.off:
        return f"{where} sets {service.audit_parameter} to {value.value}"
    return True


@check("docdb.audit-logs")
def docdb_audit_logs(cluster: Resource, ctx: Context) -> Verdict:
    return _audit_logs(cluster, ctx, DOCDB)


@check("neptune.audit-logs")
def neptune_audit_logs(cluster: Resource, ctx: Context) -> Verdict:
    return _audit_logs(cluster, ctx, NEPTUNE)
