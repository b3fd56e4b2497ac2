"""Checks on OpenSearch Service and Elasticsearch domains (catalogue: ``opensearch.yaml``).

``AWS::Elasticsearch::Domain`` is the older name of the same service; both types share
their property names except the cluster configuration, which ``_cluster`` reads from either.
"""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, not_applicable, passed, switch, unknown
from golive.context import Context, Value
from golive.model import Resource, Status
from golive.values import is_true

ELASTICSEARCH = "AWS::Elasticsearch::Domain"
_TLS_1_2 = ("Policy-Min-TLS-1-2", "Policy-Min-TLS-1-3")
_LOG_NAMES = {
    "AUDIT_LOGS": "audit",
    "ES_APPLICATION_LOGS": "error (application)",
    "SEARCH_SLOW_LOGS": "search slow",
    "INDEX_SLOW_LOGS": "index slow",
}


def _cluster(domain: Resource, ctx: Context, key: str) -> tuple[Value, str]:
    """A cluster-configuration setting of either domain type, and its path."""
    prefix = "ElasticsearchClusterConfig" if domain.type == ELASTICSEARCH else "ClusterConfig"
    path = f"{prefix}.{key}"
    return ctx.value(domain, path), path


def _enabled(domain: Resource, ctx: Context, path: str, what: str, risk: str) -> Verdict:
    value = ctx.value(domain, path)
    return switch(value, path, on=f"{what} enabled", off=f"{what} off: {risk}", what=what)


@check("opensearch.encryption-at-rest")
def encryption_at_rest(domain: Resource, ctx: Context) -> Verdict:
    verdict = _enabled(
        domain,
        ctx,
        "EncryptionAtRestOptions.Enabled",
        "encryption at rest",
        "indices, logs, swap files and automated snapshots are stored unencrypted",
    )
    if verdict.status is Status.PASS:
        key = ctx.value(domain, "EncryptionAtRestOptions.KmsKeyId")
        whose = "the AWS-managed key" if key.absent else "a customer-managed key"
        return passed(f"encryption at rest enabled ({whose})", verdict.attribute)
    return verdict


@check("opensearch.node-to-node-encryption")
def node_to_node_encryption(domain: Resource, ctx: Context) -> Verdict:
    return _enabled(
        domain,
        ctx,
        "NodeToNodeEncryptionOptions.Enabled",
        "node-to-node encryption",
        "documents and queries travel between the nodes unencrypted",
    )


@check("opensearch.enforce-https")
def enforce_https(domain: Resource, ctx: Context) -> Verdict:
    return _enabled(
        domain,
        ctx,
        "DomainEndpointOptions.EnforceHTTPS",
        "HTTPS enforcement",
        "plain HTTP is accepted, so requests and credentials can cross the network readable",
    )


@check("opensearch.tls-policy")
def tls_policy(domain: Resource, ctx: Context) -> Verdict:
    path = "DomainEndpointOptions.TLSSecurityPolicy"
    policy = ctx.value(domain, path)
    if policy.unknown:
        return unknown(f"the TLS policy is not known: {policy.reason}", path)
    if policy.absent:
        return failed(
            "no TLSSecurityPolicy: the default policy still accepts TLS 1.0 and 1.1", path
        )
    if not str(policy.value).startswith(_TLS_1_2):
        return failed(f"{policy.value} accepts TLS 1.0 and 1.1", path)
    return passed(f"TLS 1.2 or later only ({policy.value})", path)


@check("opensearch.vpc")
def vpc(domain: Resource, ctx: Context) -> Verdict:
    subnets = ctx.value(domain, "VPCOptions.SubnetIds")
    if subnets.unknown:
        return unknown(f"the domain's subnets are not known: {subnets.reason}", "VPCOptions")
    if subnets.known and subnets.value:
        return passed("runs inside a VPC", "VPCOptions")
    return failed(
        "a public endpoint: reachable from the internet, guarded only by its access policy",
        "VPCOptions",
    )


def _published(domain: Resource, ctx: Context, kind: str) -> bool | str:
    """Whether log type ``kind`` is published; a string says why it is not known."""
    flag = ctx.value(domain, f"LogPublishingOptions.{kind}.Enabled")
    if flag.unknown:
        return str(flag.reason)
    return flag.known and is_true(flag.value)


@check("opensearch.audit-logging")
def audit_logging(domain: Resource, ctx: Context) -> Verdict:
    path = "LogPublishingOptions.AUDIT_LOGS"
    published = _published(domain, ctx, "AUDIT_LOGS")
    if isinstance(published, str):
        return unknown(f"audit logging is not known: {published}", path)
    if published:
        return passed("audit logs published to CloudWatch Logs", path)
    fine_grained = ctx.value(domain, "AdvancedSecurityOptions.Enabled")
    hint = ""
    if not (fine_grained.known and is_true(fine_grained.value)):
        hint = " (audit logs also need fine-grained access control, which is off)"
    return failed(f"no audit log: nobody can tell who read or changed which index{hint}", path)


@check("opensearch.logging")
def logging(domain: Resource, ctx: Context) -> Verdict:
    missing, open_ = [], []
    for kind in ctx.option("log_types"):
        published = _published(domain, ctx, kind)
        if isinstance(published, str):
            open_.append(f"{_LOG_NAMES.get(kind, kind)} logs ({published})")
        elif not published:
            missing.append(_LOG_NAMES.get(kind, kind))
    if missing:
        return failed(
            f"{', '.join(missing)} logs not published to CloudWatch Logs", "LogPublishingOptions"
        )
    if open_:
        return unknown("not known whether published: " + "; ".join(open_), "LogPublishingOptions")
    names = ", ".join(_LOG_NAMES.get(k, k) for k in ctx.option("log_types"))
    return passed(f"{names} logs published to CloudWatch Logs", "LogPublishingOptions")


def _number(value: Value, default: int) -> int | str:
    """An integer setting (``default`` when absent), or why it is not known."""
    if value.unknown:
        return str(value.reason)
    if value.absent:
        return default
    try:
        return int(value.value)
    except (TypeError, ValueError):
        return f"{value.value!r} is not a number"


@check("opensearch.zone-awareness")
def zone_awareness(domain: Resource, ctx: Context) -> Verdict:
    standby, _ = _cluster(domain, ctx, "MultiAZWithStandbyEnabled")
    if standby.known and is_true(standby.value):
        return passed("Multi-AZ with standby: three zones, one of them on standby")
    enabled, path = _cluster(domain, ctx, "ZoneAwarenessEnabled")
    count_value, count_path = _cluster(domain, ctx, "InstanceCount")
    count = _number(count_value, 1)
    if enabled.unknown:
        return unknown(f"zone awareness is not known: {enabled.reason}", path)
    if not (enabled.known and is_true(enabled.value)):
        return failed(
            "all data nodes in one availability zone: a zone outage takes the domain down", path
        )
    if isinstance(count, str):
        return unknown(f"the number of data nodes is not known: {count}", count_path)
    minimum = int(ctx.option("min_data_nodes"))
    if count < minimum:
        nodes = "a single data node" if count == 1 else f"{count} data nodes"
        return failed(
            f"zone awareness on, but {nodes}: the {ctx.profile.value} profile asks for at "
            f"least {minimum}, so that losing a zone leaves replicas and capacity",
            count_path,
        )
    return passed(f"{count} data nodes spread across availability zones", path)


@check("opensearch.dedicated-masters")
def dedicated_masters(domain: Resource, ctx: Context) -> Verdict:
    if not ctx.option("required"):
        return not_applicable(
            f"dedicated master nodes are not asked for under the {ctx.profile.value} profile"
        )
    enabled, path = _cluster(domain, ctx, "DedicatedMasterEnabled")
    if enabled.unknown:
        return unknown(f"DedicatedMasterEnabled is not known: {enabled.reason}", path)
    if not (enabled.known and is_true(enabled.value)):
        return failed(
            "no dedicated master nodes: data nodes also manage the cluster and a busy one "
            "can destabilise it",
            path,
        )
    value, count_path = _cluster(domain, ctx, "DedicatedMasterCount")
    count = _number(value, 3)
    if isinstance(count, str):
        return unknown(f"the number of master nodes is not known: {count}", count_path)
    if count < 3:
        return failed(
            f"{count} dedicated master node{'s' if count > 1 else ''}: losing one loses the quorum",
            count_path,
        )
    unset = " (DedicatedMasterCount not set: three)" if value.absent else ""
    return passed(f"{count} dedicated master nodes{unset}", count_path)
