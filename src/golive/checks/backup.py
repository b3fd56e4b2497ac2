"""Backups of stateful resources, their vaults and copies (catalogue: ``catalog/backup.yaml``)."""

from __future__ import annotations

from typing import Any

from golive.backups import protection
from golive.checks.base import Verdict, check, failed, passed, unknown
from golive.checks.stateful import data_store_scope
from golive.context import Context
from golive.model import Resource
from golive.resolver import Resolver
from golive.values import ABSENT, Reference, Text, Unknown, is_true

#: Stand-ins for the stack's own region and account when nobody gave them.
_HERE_REGION = "\x01this-region"
_HERE_ACCOUNT = "\x01this-account"


def _retention(resource: Resource, ctx: Context) -> tuple[str, bool] | Unknown:
    """RDS: (description, enough?) for automated backups. CloudFormation's default is 1 day."""
    days = ctx.value(resource, "BackupRetentionPeriod")
    if days.unknown:
        return Unknown(f"BackupRetentionPeriod is not known: {days.reason}")
    written = 1 if days.absent else days.value
    try:
        count = int(written)
    except (TypeError, ValueError):
        return Unknown(f"BackupRetentionPeriod {written!r} is not a number of days")
    minimum = int(ctx.option("min_retention_days"))
    if count == 0:
        return "automated backups are off (BackupRetentionPeriod 0)", False
    default = " (the CloudFormation default)" if days.absent else ""
    text = f"automated backups kept {count} day{'s' if count != 1 else ''}{default}"
    if count < minimum:
        return f"{text}, below the {minimum} days the {ctx.profile.value} profile asks", False
    return text, True


def _native(resource: Resource, ctx: Context) -> tuple[str, bool] | Unknown:
    """The resource's own backup feature: (description, enough?)."""
    kind = resource.type
    if kind in ("AWS::RDS::DBInstance", "AWS::RDS::DBCluster"):
        return _retention(resource, ctx)
    if kind == "AWS::DynamoDB::Table":
        pitr = ctx.value(resource, "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled")
        if pitr.unknown:
            return Unknown(f"point-in-time recovery is not known: {pitr.reason}")
        on = pitr.known and is_true(pitr.value)
        return ("point-in-time recovery on" if on else "no point-in-time recovery"), on
    if kind == "AWS::DynamoDB::GlobalTable":
        replicas = ctx.value(resource, "Replicas")
        if replicas.unknown:
            return Unknown(f"the replicas are not known: {replicas.reason}")
        items = replicas.value if isinstance(replicas.value, list) else []
        flags = [_pitr_of(r) for r in items]
        on = bool(flags) and all(flags)
        return (
            "point-in-time recovery on every replica"
            if on
            else "a replica without point-in-time recovery"
        ), on
    if kind == "AWS::EFS::FileSystem":
        status = ctx.value(resource, "BackupPolicy.Status")
        if status.unknown:
            return Unknown(f"BackupPolicy is not known: {status.reason}")
        on = status.known and status.value == "ENABLED"
        return ("automatic backups on" if on else "automatic backups off (BackupPolicy)"), on
    if kind == "AWS::S3::Bucket":
        versioning = ctx.value(resource, "VersioningConfiguration.Status")
        replication = ctx.value(resource, "ReplicationConfiguration")
        if versioning.unknown:
            return Unknown(f"versioning is not known: {versioning.reason}")
        if not replication.absent:
            return "replicated to another bucket", True
        on = versioning.known and versioning.value == "Enabled"
        return ("versioning keeps earlier object versions" if on else "no versioning"), on
    return "no backup feature of its own", False


def _pitr_of(replica: Any) -> bool:
    spec = replica.get("PointInTimeRecoverySpecification") if isinstance(replica, dict) else None
    flag = spec.get("PointInTimeRecoveryEnabled") if isinstance(spec, dict) else None
    return is_true(flag)


@check("backup.coverage")
def coverage(resource: Resource, ctx: Context) -> Verdict:
    scope = data_store_scope(resource, ctx)
    if scope is not None:
        return scope
    native = _native(resource, ctx)
    if not isinstance(native, Unknown) and native[1]:
        return passed(native[0])
    found, open_question = protection(resource, ctx)
    if found:
        return passed("covered by " + ", ".join(found))
    if isinstance(native, Unknown):
        return unknown(native.reason)
    if open_question is not None:
        return unknown(
            f"{native[0]}; whether a backup selection covers it is not known: "
            f"{open_question.reason}"
        )
    return failed(f"{native[0]}, and no AWS Backup selection in this stack covers it")


@check("backup.vault-encryption")
def vault_encryption(vault: Resource, ctx: Context) -> Verdict:
    written = vault.properties.get("EncryptionKeyArn")
    key = ABSENT if written is None else ctx.resolver.resolve(written)
    if key is ABSENT or key == "":
        return failed(
            "no EncryptionKeyArn: recovery points use the AWS managed key aws/backup, whose "
            "policy you cannot change or share with another account",
            "EncryptionKeyArn",
        )
    if isinstance(key, Unknown):
        return unknown(f"the key is not known: {key.reason}", "EncryptionKeyArn")
    if isinstance(key, Reference):
        return passed(f"encrypted with {key.logical_id}", "EncryptionKeyArn")
    text = key.literal("?") if isinstance(key, Text) else str(key)
    if "alias/aws/" in text:
        return failed(f"{text} is an AWS managed key, not one you control", "EncryptionKeyArn")
    if ":key/" in text or "alias/" in text:
        return passed(f"encrypted with {text}", "EncryptionKeyArn")
    reason = key.reason if isinstance(key, Text) else f"{text!r} names no KMS key golive knows"
    return unknown(f"the key is not known: {reason}", "EncryptionKeyArn")


def _destination(arn: Any) -> tuple[str, str] | Unknown:
    """(region, account) of a copy destination vault ARN, with stand-ins for 'here'."""
    if isinstance(arn, Reference):
        return _HERE_REGION, _HERE_ACCOUNT
    if isinstance(arn, Unknown):
        return Unknown(f"the destination vault is not known: {arn.reason}")
    if isinstance(arn, Text):
        if any(isinstance(p, Reference) for p in arn.parts):
            return _HERE_REGION, _HERE_ACCOUNT
        arn = arn.literal("\x00")
    parts = str(arn).split(":")
    if len(parts) < 6:
        return Unknown(f"{arn!r} is not a backup vault ARN")
    if "\x00" in parts[3] or "\x00" in parts[4]:
        return Unknown("the region or account of the destination vault is known at deployment")
    return parts[3], parts[4]


@check("backup.cross-region-copy")
def cross_region_copy(plan: Resource, ctx: Context) -> Verdict:
    given = ctx.resolver.parameters
    here = Resolver(
        ctx.graph.stack,
        {"AWS::Region": _HERE_REGION, "AWS::AccountId": _HERE_ACCOUNT, **given},
        ctx.resolver.assumptions,
    )
    region = given.get("AWS::Region", _HERE_REGION)
    account = given.get("AWS::AccountId", _HERE_ACCOUNT)
    rules = here.resolve(plan.properties.get("BackupPlan", {}))
    rules = rules.get("BackupPlanRule") if isinstance(rules, dict) else rules
    if isinstance(rules, Unknown):
        return unknown(f"the plan's rules are not known: {rules.reason}", "BackupPlan")
    same: list[str] = []
    questions: list[str] = []
    for rule in rules if isinstance(rules, list) else []:
        name = str(rule.get("RuleName", "?")) if isinstance(rule, dict) else "?"
        copies = rule.get("CopyActions") if isinstance(rule, dict) else None
        for copy in copies if isinstance(copies, list) else []:
            where = _destination(
                copy.get("DestinationBackupVaultArn") if isinstance(copy, dict) else None
            )
            if isinstance(where, Unknown):
                questions.append(f"rule {name}: {where.reason}")
            elif where[0] != region or where[1] != account:
                elsewhere = [x for x, y in ((where[0], region), (where[1], account)) if x != y]
                shown = " / ".join(e for e in elsewhere if not e.startswith("\x01"))
                return passed(f"rule {name} copies recovery points to {shown}", "BackupPlan")
            else:
                same.append(name)
    if questions:
        return unknown("; ".join(questions), "BackupPlan")
    if same:
        return failed(
            f"rule {', '.join(same)} copies only within this region and account: a regional "
            "outage or a compromised account takes the copies too",
            "BackupPlan",
        )
    return failed(
        "no rule copies recovery points to another region or account (CopyActions)",
        "BackupPlan",
    )
