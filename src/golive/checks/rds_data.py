"""How RDS databases protect their data and credentials (catalogue: ``catalog/rds.yaml``).

Storage encryption, backup retention, deletion protection, IAM database authentication and
the master password are cluster settings: ``rds_scope.cluster_setting`` sends instances of
a cluster to the cluster's verdict.
"""

from __future__ import annotations

from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, switch, unknown
from golive.checks.rds_scope import (
    CLUSTER,
    cluster_setting,
    decided_elsewhere,
    deletion_protection_verdict,
    engine,
    restored_from,
    serverless_v1,
)
from golive.context import Context
from golive.model import Resource
from golive.values import ABSENT, Text, Unknown, is_intrinsic, is_true

#: Engines IAM database authentication works with (RDS and Aurora user guides).
_IAM_AUTH_ENGINES = ("mysql", "mariadb", "postgres", "aurora")


def _days(count: int) -> str:
    return f"{count} day{'' if count == 1 else 's'}"


@check("rds.storage-encryption")
def storage_encryption(db: Resource, ctx: Context) -> Verdict:
    scope = decided_elsewhere(db, ctx, "storage encryption", "encrypted exactly when its source is")
    if scope is not None:
        return scope
    if serverless_v1(db, ctx):
        return passed("Aurora Serverless v1 always encrypts its cluster volume")
    flag = ctx.value(db, "StorageEncrypted")
    if flag.unknown:
        return unknown(f"StorageEncrypted is not known: {flag.reason}", "StorageEncrypted")
    if flag.known and is_true(flag.value):
        key = ctx.value(db, "KmsKeyId")
        whose = "the AWS managed key aws/rds" if key.absent else "the KMS key in KmsKeyId"
        return passed(f"storage encrypted with {whose}", "StorageEncrypted")
    source = restored_from(db, ctx)
    if source is not None and flag.absent:
        return unknown(
            f"restored through {source}: encryption is inherited from the snapshot or source "
            "database, which is not in this template",
            source,
        )
    state = "false" if flag.known else "not set"
    return failed(
        f"StorageEncrypted is {state}: the data, its automated backups, snapshots and replicas "
        "are stored unencrypted, and encryption cannot be added to an existing database",
        "StorageEncrypted",
    )


@check("rds.backup-retention")
def backup_retention(db: Resource, ctx: Context) -> Verdict:
    scope = decided_elsewhere(
        db, ctx, "automated backup retention", "its source's backups hold the data"
    )
    if scope is not None:
        return scope
    days = ctx.value(db, "BackupRetentionPeriod")
    if days.unknown:
        return unknown(
            f"BackupRetentionPeriod is not known: {days.reason}", "BackupRetentionPeriod"
        )
    written = 1 if days.absent else days.value
    try:
        count = int(written)
    except (TypeError, ValueError):
        return unknown(f"BackupRetentionPeriod {written!r} is not a number of days")
    minimum = int(ctx.option("min_days"))
    if count == 0:
        return failed(
            "automated backups are off (BackupRetentionPeriod 0): no point-in-time restore",
            "BackupRetentionPeriod",
        )
    kept = f"automated backups kept {_days(count)}"
    if days.absent:
        kept += " (the CloudFormation default)"
    if count < minimum:
        return failed(
            f"{kept}: a point-in-time restore reaches back no further; the "
            f"{ctx.profile.value} profile asks for {minimum}",
            "BackupRetentionPeriod",
        )
    return passed(f"{kept} (at least {minimum})", "BackupRetentionPeriod")


@check("rds.deletion-protection")
def deletion_protection(db: Resource, ctx: Context) -> Verdict:
    exempt = cluster_setting(db, ctx, "deletion protection")
    if exempt is not None:
        return exempt
    return deletion_protection_verdict(db, ctx, "database")


@check("rds.iam-authentication")
def iam_authentication(db: Resource, ctx: Context) -> Verdict:
    exempt = cluster_setting(db, ctx, "IAM database authentication")
    if exempt is not None:
        return exempt
    name = engine(db, ctx)
    if isinstance(name, Unknown):
        return unknown(name.reason, "Engine")
    if db.type == CLUSTER and not (name or "").startswith("aurora"):
        return not_applicable(
            "a Multi-AZ DB cluster: CloudFormation offers IAM authentication on Aurora "
            "clusters and DB instances only"
        )
    if serverless_v1(db, ctx):
        return not_applicable("Aurora Serverless v1 does not support IAM database authentication")
    if name is not None and not name.startswith(_IAM_AUTH_ENGINES):
        return not_applicable(
            f"engine {name} does not support IAM database authentication (MariaDB, MySQL, "
            "PostgreSQL and Aurora do)"
        )
    return switch(
        ctx.value(db, "EnableIAMDatabaseAuthentication"),
        "EnableIAMDatabaseAuthentication",
        on="IAM database authentication on",
        off="IAM database authentication off: every client needs a long-lived database password",
    )


@check("rds.managed-master-password")
def managed_master_password(db: Resource, ctx: Context) -> Verdict:
    scope = decided_elsewhere(db, ctx, "the master password", "it has its source's users")
    if scope is not None:
        return scope
    managed = ctx.value(db, "ManageMasterUserPassword")
    if managed.unknown:
        return unknown(
            f"ManageMasterUserPassword is not known: {managed.reason}", "ManageMasterUserPassword"
        )
    if managed.known and is_true(managed.value):
        return passed(
            "RDS keeps the master password in Secrets Manager and rotates it",
            "ManageMasterUserPassword",
        )
    return _password(db, ctx)


def _password(db: Resource, ctx: Context) -> Verdict:
    raw = _chosen(db.properties.get("MasterUserPassword"), ctx)
    path = "MasterUserPassword"
    if isinstance(raw, Unknown):
        return unknown(f"MasterUserPassword is not known: {raw.reason}", path)
    value = ctx.resolver.resolve(raw) if raw is not None else ABSENT
    if value is ABSENT or value == "":
        source = restored_from(db, ctx)
        if source is not None:
            return unknown(
                f"restored through {source} without ManageMasterUserPassword: it keeps the "
                "source's master password, whose handling golive cannot see",
                "ManageMasterUserPassword",
            )
        return failed(
            "neither ManageMasterUserPassword nor a MasterUserPassword",
            "ManageMasterUserPassword",
        )
    text = value.literal("") if isinstance(value, Text) else value
    if isinstance(text, str) and "{{resolve:secretsmanager:" in text:
        return passed("MasterUserPassword comes from Secrets Manager (dynamic reference)", path)
    if isinstance(text, str) and "{{resolve:ssm-secure:" in text:
        return passed("MasterUserPassword comes from an SSM SecureString (dynamic reference)", path)
    parameter = _parameter(raw, ctx)
    if parameter is not None:
        return failed(
            f"MasterUserPassword comes from template parameter {parameter}: whoever deploys "
            "handles the password, and nothing rotates it",
            path,
        )
    if isinstance(value, str):
        return failed(
            "MasterUserPassword is written in the template: everyone who reads it knows the "
            "password, and nothing rotates it",
            path,
        )
    reason = getattr(value, "reason", "it is set only at deployment")
    return unknown(f"where MasterUserPassword comes from is not known: {reason}", path)


def _chosen(node: Any, ctx: Context) -> Any:
    """``node`` with ``Fn::If`` branches chosen; ``Unknown`` when a condition is undecided."""
    while is_intrinsic(node) and "Fn::If" in node:
        arguments = node["Fn::If"]
        if not (isinstance(arguments, list) and len(arguments) == 3):
            return node
        decided = ctx.resolver.condition(str(arguments[0]))
        if isinstance(decided, Unknown):
            return decided
        node = arguments[1] if decided else arguments[2]
    return node


def _parameter(node: Any, ctx: Context) -> str | None:
    """The template parameter ``node`` refers to directly, if any."""
    if is_intrinsic(node) and "Ref" in node:
        name = str(node["Ref"])
        return name if name in ctx.graph.stack.parameters else None
    return None
