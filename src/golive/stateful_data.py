"""Which resources hold data that must outlive a mistake, and which S3 buckets do not.

Databases, tables, file systems and volumes hold data by nature. A bucket holds data unless
the stack shows it holds something else: logs another resource delivers to it, pipeline
artifacts, website content deployed from source, or objects that all expire within days.
Those signals are structural (who writes to the bucket, how it is configured); bucket
names are never guessed from.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from golive.context import Context
from golive.model import Resource
from golive.values import Unknown

BUCKET = "AWS::S3::Bucket"
#: Resource types that hold data by nature (S3 buckets are judged one by one).
STATEFUL_TYPES = (
    "AWS::RDS::DBInstance",
    "AWS::RDS::DBCluster",
    "AWS::DynamoDB::Table",
    "AWS::DynamoDB::GlobalTable",
    "AWS::EFS::FileSystem",
    "AWS::EC2::Volume",
    "AWS::DocDB::DBCluster",
    "AWS::Neptune::DBCluster",
    "AWS::Redshift::Cluster",
    BUCKET,
)
#: NOTE: the types CloudFormation accepts DeletionPolicy/UpdateReplacePolicy Snapshot for
#: (DeletionPolicy attribute reference; cfn-lint's valid_snapshot_types).
SNAPSHOT_TYPES = frozenset(
    {
        "AWS::EC2::Volume",
        "AWS::ElastiCache::CacheCluster",
        "AWS::ElastiCache::ReplicationGroup",
        "AWS::Neptune::DBCluster",
        "AWS::RDS::DBCluster",
        "AWS::RDS::DBInstance",
        "AWS::Redshift::Cluster",
        "AWS::DocDB::DBCluster",
    }
)
#: A bucket whose every object expires within this many days holds transient data.
TRANSIENT_DAYS = 90

#: Where a resource names the bucket it delivers logs to: type -> property path prefix.
_LOG_DESTINATIONS: dict[str, tuple[str, ...]] = {
    BUCKET: ("LoggingConfiguration", "DestinationBucketName"),
    "AWS::CloudTrail::Trail": ("S3BucketName",),
    "AWS::Config::DeliveryChannel": ("S3BucketName",),
    "AWS::CloudFront::Distribution": ("DistributionConfig", "Logging"),
    "AWS::ElasticLoadBalancing::LoadBalancer": ("AccessLoggingPolicy",),
    "AWS::ElasticLoadBalancingV2::LoadBalancer": ("LoadBalancerAttributes",),
    "AWS::EC2::FlowLog": ("LogDestination",),
    "AWS::WAFv2::LoggingConfiguration": ("LogDestinationConfigs",),
    "AWS::NetworkFirewall::LoggingConfiguration": ("LoggingConfiguration",),
}
_ARTIFACT_STORES: dict[str, tuple[tuple[str, ...], ...]] = {
    "AWS::CodePipeline::Pipeline": (("ArtifactStore",), ("ArtifactStores",)),
}
#: Service principals that deliver logs into a bucket its policy opens to them.
_LOG_SERVICES = (
    "logging.s3.amazonaws.com",
    "delivery.logs.amazonaws.com",
    "cloudtrail.amazonaws.com",
    "config.amazonaws.com",
    "logdelivery.elasticloadbalancing.amazonaws.com",
)


def bucket_without_data(bucket: Resource, ctx: Context, depth: int = 0) -> str | Unknown | None:
    """Why the stack shows ``bucket`` holds no data of its own, or None when it may.

    ``Unknown`` when the answer rests on a value golive cannot read (an expiry written with a
    parameter or a macro). A replica of a bucket without data holds none either.
    """
    for edge in ctx.graph.incoming.get(bucket.logical_id, ()):
        source = ctx.graph.stack.resources.get(edge.source)
        if source is None or edge.source == bucket.logical_id:
            continue
        if source.type == BUCKET and edge.path[1:3] == ("ReplicationConfiguration", "Rules"):
            origin = bucket_without_data(source, ctx, depth + 1) if depth < 3 else None
            if isinstance(origin, str):
                return f"a replica of {source.logical_id}, which {origin.split(': ')[0]}"
            continue
        prefix = _LOG_DESTINATIONS.get(source.type)
        if prefix and edge.path[1 : 1 + len(prefix)] == prefix:
            return f"receives logs from {source.logical_id} ({source.type})"
        for store in _ARTIFACT_STORES.get(source.type, ()):
            if edge.path[1 : 1 + len(store)] == store:
                return f"holds pipeline artifacts of {source.logical_id}, rebuilt by each run"
        if source.type == "AWS::S3::BucketPolicy" and _grants_log_delivery(source, ctx):
            return f"its policy {source.logical_id} lets a log delivery service write to it"
    acl = ctx.value(bucket, "AccessControl")
    if acl.known and acl.value == "LogDeliveryWrite":
        return "a log bucket (AccessControl LogDeliveryWrite)"
    if not ctx.value(bucket, "WebsiteConfiguration").absent:
        return "hosts a static website, whose content is deployed from source"
    days = _expires_everything_within(bucket, ctx)
    if isinstance(days, int):
        return f"every object expires after {days} days: the bucket holds transient data"
    return days


def _grants_log_delivery(policy: Resource, ctx: Context) -> bool:
    document = ctx.value(policy, "PolicyDocument")
    if not document.known:
        return False
    return any(p in _LOG_SERVICES for p in _principals(document.value))


def _principals(node: Any, inside: bool = False) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _principals(value, inside or key == "Principal")
    elif isinstance(node, list):
        for item in node:
            yield from _principals(item, inside)
    elif inside and isinstance(node, str):
        yield node


def _expires_everything_within(bucket: Resource, ctx: Context) -> int | Unknown | None:
    rules = ctx.value(bucket, "LifecycleConfiguration.Rules")
    if not rules.known or not isinstance(rules.value, list):
        return None
    question: Unknown | None = None
    for rule in rules.value:
        if not isinstance(rule, dict) or rule.get("Status") != "Enabled":
            continue
        scoped = ("Prefix", "TagFilters", "ObjectSizeGreaterThan", "ObjectSizeLessThan")
        if any(rule.get(key) for key in scoped):
            continue
        days = rule.get("ExpirationInDays")
        if days is None:
            continue
        if isinstance(days, int) or (isinstance(days, str) and days.isdigit()):
            if int(days) <= TRANSIENT_DAYS:
                return int(days)
        elif question is None:
            why = getattr(days, "reason", f"{days!r} is not a number of days")
            question = Unknown(f"whether every object expires soon is not known: {why}")
    return question


def holds_no_data(resource: Resource, ctx: Context) -> str | Unknown | None:
    """Why a stateful-typed resource needs no protection of its own, or None.

    DB instances of a cluster and read replicas keep no data of their own; buckets follow
    ``bucket_without_data``.
    """
    if resource.type == BUCKET:
        return bucket_without_data(resource, ctx)
    if resource.type == "AWS::RDS::DBInstance":
        if not ctx.value(resource, "DBClusterIdentifier").absent:
            return "an instance of a DB cluster: its data belongs to the cluster"
        if not ctx.value(resource, "SourceDBInstanceIdentifier").absent:
            return "a read replica: its data is a copy of the source instance's"
    return None
