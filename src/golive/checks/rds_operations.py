"""How RDS databases are observed and patched (catalogue: ``catalog/rds.yaml``).

Performance Insights, Enhanced Monitoring and automatic minor version upgrades are judged on
each DB instance, reading its cluster's value when it sets none (``rds_scope.inherited``);
log exports are a cluster setting.
"""

from __future__ import annotations

from golive.checks.base import (
    Verdict,
    check,
    count_setting,
    failed,
    not_applicable,
    passed,
    unknown,
)
from golive.checks.rds_scope import (
    CLUSTER,
    INSTANCE,
    cluster_setting,
    engine,
    inherited,
    per_instance_scope,
)
from golive.context import Context, Value
from golive.model import Resource
from golive.values import Unknown, is_true

#: Engine prefix -> the log that records its errors and crashes (EnableCloudwatchLogsExports).
_MAIN_LOG = (
    ("aurora-postgresql", "postgresql"),
    ("aurora", "error"),
    ("mysql", "error"),
    ("mariadb", "error"),
    ("postgres", "postgresql"),
    ("oracle", "alert"),
    ("sqlserver", "error"),
    ("db2", "diag.log"),
)
_SMALL_BURSTABLE = ("db.t2.micro", "db.t2.small", "db.t3.micro", "db.t3.small")
#: NOTE: Performance Insights (Database Insights) is not offered on these classes
#: (RDS and Aurora user guides, "DB engine, Region, and instance class support").
_PI_SMALL_CLASSES = {
    "mysql": (*_SMALL_BURSTABLE, "db.t4g.micro", "db.t4g.small"),
    "mariadb": (*_SMALL_BURSTABLE, "db.t4g.micro", "db.t4g.small"),
    "aurora": ("db.t2.", "db.t3.", "db.t4g.micro", "db.t4g.small"),
}


def _unsupported(db: Resource, ctx: Context, what: str) -> Verdict | None:
    """NOT_APPLICABLE for RDS Custom, whose instances take neither monitoring nor auto upgrades."""
    name = engine(db, ctx)
    if isinstance(name, str) and name.startswith("custom-"):
        return not_applicable(f"an RDS Custom instance ({name}): RDS does not manage {what} there")
    return None


def _setting(
    db: Resource, ctx: Context, on_instance: str, on_cluster: str
) -> tuple[Value, str, str]:
    """(value, where it came from, property to point at) on an instance or Multi-AZ cluster."""
    if db.type == CLUSTER:
        return ctx.value(db, on_cluster), "", on_cluster
    value, source = inherited(db, ctx, on_instance, on_cluster)
    return value, source, on_instance


@check("rds.performance-insights")
def performance_insights(db: Resource, ctx: Context) -> Verdict:
    scope = per_instance_scope(db, ctx, "Performance Insights") or _unsupported(
        db, ctx, "Performance Insights"
    )
    if scope is not None:
        return scope
    name = engine(db, ctx)
    if isinstance(name, str) and name.startswith("db2"):
        return not_applicable("RDS for Db2 does not support Performance Insights")
    small = _small_class(db, ctx, name)
    if small:
        return not_applicable(f"instance class {small} does not support Performance Insights")
    flag, source, path = _setting(
        db, ctx, "EnablePerformanceInsights", "PerformanceInsightsEnabled"
    )
    if flag.unknown:
        return unknown(f"whether Performance Insights is on is not known: {flag.reason}", path)
    if not (flag.known and is_true(flag.value)):
        return failed(
            f"Performance Insights off{source}: no record of which queries and waits load "
            "the database when it slows down",
            path,
        )
    key = _setting(db, ctx, "PerformanceInsightsKMSKeyId", "PerformanceInsightsKmsKeyId")[0]
    whose = "the AWS managed key aws/rds" if key.absent else "the named KMS key"
    return passed(f"Performance Insights on{source}, its data encrypted with {whose}", path)


def _small_class(db: Resource, ctx: Context, name: str | Unknown | None) -> str | None:
    if db.type != INSTANCE or not isinstance(name, str):
        return None
    family = "aurora" if name in ("aurora", "aurora-mysql") else name
    classes = _PI_SMALL_CLASSES.get(family)
    size = ctx.value(db, "DBInstanceClass")
    if classes and size.known and str(size.value).startswith(classes):
        return str(size.value)
    return None


@check("rds.enhanced-monitoring")
def enhanced_monitoring(db: Resource, ctx: Context) -> Verdict:
    scope = per_instance_scope(db, ctx, "Enhanced Monitoring") or _unsupported(
        db, ctx, "Enhanced Monitoring"
    )
    if scope is not None:
        return scope
    interval, source, path = _setting(db, ctx, "MonitoringInterval", "MonitoringInterval")
    seconds = count_setting(interval, path, 0, "seconds")
    if isinstance(seconds, Verdict):
        return seconds
    if seconds <= 0:
        return failed(
            f"Enhanced Monitoring off{source}: no operating-system metrics (memory, swap, "
            "processes, disk I/O), only hypervisor-level CloudWatch metrics",
            path,
        )
    role, _, role_path = _setting(db, ctx, "MonitoringRoleArn", "MonitoringRoleArn")
    if role.absent:
        return failed(
            f"MonitoringInterval is {seconds}{source} but no MonitoringRoleArn names the role "
            "RDS publishes the metrics with",
            role_path,
        )
    return passed(f"Enhanced Monitoring every {seconds} seconds{source}", path)


@check("rds.log-exports")
def log_exports(db: Resource, ctx: Context) -> Verdict:
    exempt = cluster_setting(db, ctx, "the export of database logs")
    if exempt is not None:
        return exempt
    name = engine(db, ctx)
    if isinstance(name, Unknown):
        return unknown(name.reason, "Engine")
    custom = _unsupported(db, ctx, "log exports")
    if custom is not None:
        return custom
    wanted = next((log for prefix, log in _MAIN_LOG if (name or "").startswith(prefix)), None)
    path = "EnableCloudwatchLogsExports"
    exports = ctx.value(db, path)
    if exports.unknown:
        return unknown(f"the exported logs are not known: {exports.reason}", path)
    logs = (
        [str(x) for x in exports.value] if exports.known and isinstance(exports.value, list) else []
    )
    if not logs:
        return failed(
            "no logs exported to CloudWatch Logs: errors, slow queries and audit records stay "
            "on the instance, where they rotate away and cannot be searched or alarmed on",
            path,
        )
    shown = ", ".join(logs)
    if wanted is not None and wanted not in logs:
        return failed(
            f"exports {shown} but not {wanted}, the log that records the engine's errors", path
        )
    return passed(f"exports {shown} to CloudWatch Logs", path)


@check("rds.auto-minor-version-upgrade")
def auto_minor_version_upgrade(db: Resource, ctx: Context) -> Verdict:
    scope = per_instance_scope(db, ctx, "automatic minor version upgrade")
    if scope is not None:
        return scope
    name = engine(db, ctx)
    if isinstance(name, str) and name.startswith("custom-"):
        return not_applicable(
            f"an RDS Custom instance ({name}): RDS Custom requires automatic minor version "
            "upgrades to be off; you patch it yourself"
        )
    flag, source, path = _setting(db, ctx, "AutoMinorVersionUpgrade", "AutoMinorVersionUpgrade")
    if flag.unknown:
        return unknown(f"AutoMinorVersionUpgrade is not known: {flag.reason}", path)
    if flag.known and not is_true(flag.value):
        return failed(
            f"automatic minor version upgrades turned off{source}: security and bug-fix "
            "releases wait for someone to apply them",
            path,
        )
    if flag.absent:
        return passed("minor version upgrades applied automatically (the default)", path)
    return passed(f"minor version upgrades applied automatically{source}", path)
