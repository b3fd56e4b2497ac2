"""Checks on EFS file systems and Redshift clusters (catalogues: ``efs.yaml``, ``redshift.yaml``).

OpenSearch domains have their own module, ``opensearch.py``.
"""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, passed, switch, unknown
from golive.context import Context
from golive.model import Resource


def _key(resource: Resource, ctx: Context, path: str) -> str:
    return "the AWS-managed key" if ctx.value(resource, path).absent else "a customer-managed key"


# -- EFS --------------------------------------------------------------------------------------


@check("efs.encryption")
def efs_encryption(file_system: Resource, ctx: Context) -> Verdict:
    return switch(
        ctx.value(file_system, "Encrypted"),
        "Encrypted",
        on=f"encrypted at rest with {_key(file_system, ctx, 'KmsKeyId')}",
        off="not encrypted at rest; encryption can only be chosen when the file system is created",
    )


# -- Redshift ---------------------------------------------------------------------------------


@check("redshift.encryption")
def redshift_encryption(cluster: Resource, ctx: Context) -> Verdict:
    return switch(
        ctx.value(cluster, "Encrypted"),
        "Encrypted",
        on=f"encrypted at rest with {_key(cluster, ctx, 'KmsKeyId')}",
        off="Encrypted is not true: the warehouse's tables and snapshots are not encrypted "
        "under a key the template chooses",
    )


@check("redshift.audit-logging")
def redshift_audit_logging(cluster: Resource, ctx: Context) -> Verdict:
    logging = ctx.value(cluster, "LoggingProperties")
    if logging.unknown:
        return unknown(f"the logging settings are not known: {logging.reason}", "LoggingProperties")
    settings = logging.value if logging.known and isinstance(logging.value, dict) else {}
    destination = settings.get("LogDestinationType")
    if str(destination).lower() == "cloudwatch":
        return passed("audit logs sent to CloudWatch Logs", "LoggingProperties")
    if settings.get("BucketName") is not None:
        return passed("audit logs written to S3", "LoggingProperties")
    return failed(
        "no audit logging: connections and user changes leave no record", "LoggingProperties"
    )


@check("redshift.enhanced-vpc-routing")
def redshift_enhanced_vpc_routing(cluster: Resource, ctx: Context) -> Verdict:
    return switch(
        ctx.value(cluster, "EnhancedVpcRouting"),
        "EnhancedVpcRouting",
        on="COPY and UNLOAD traffic goes through the VPC",
        off="COPY and UNLOAD traffic bypasses the VPC: endpoint policies, security groups and "
        "flow logs do not see it",
    )
