"""Checks on S3 buckets (catalogue: ``catalog/s3.yaml``).

Bucket policies are read with the resource-policy helpers of ``checks.sns``, which SNS topic
policies share.
"""

from __future__ import annotations

import re
from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.checks.resource_policy import (
    attached,
    candidates,
    covers_all,
    dig,
    doubt,
    key_kind,
    listed,
    open_grant,
    refers_to,
    resolved,
    signature,
    tls_denial,
)
from golive.context import Context
from golive.model import Resource
from golive.values import ABSENT, Reference, is_true

BUCKET = "AWS::S3::Bucket"
_PUBLIC_ACLS = ("PublicRead", "PublicReadWrite", "AuthenticatedRead")
_BLOCK_SETTINGS = (
    "BlockPublicAcls",
    "BlockPublicPolicy",
    "IgnorePublicAcls",
    "RestrictPublicBuckets",
)
_ARN_PREFIX = re.compile(r"^arn:[^:]*:s3:::")
_DOMAIN_SUFFIX = re.compile(r"\.s3([.-][a-z0-9-]+)*\.amazonaws\.com(\.cn)?$")


# --- which resources point at a bucket ---------------------------------------------------------


def bucket_key(value: Any) -> str | None:
    """The bucket name inside a name, ARN or domain name value."""
    text = signature(value)
    if text is None:
        return None
    text = _DOMAIN_SUFFIX.sub("", _ARN_PREFIX.sub("", text).split("/", 1)[0])
    return text.removeprefix("https://").removeprefix("http://")


def bucket_name(bucket: Resource, ctx: Context) -> str | None:
    """The bucket's own name as ``bucket_key`` reads it; None when CloudFormation names it."""
    name = resolved(bucket, ctx, "BucketName")
    return None if name is ABSENT else bucket_key(name)


def bucket_policies(bucket: Resource, ctx: Context) -> tuple[list[Resource], str | None]:
    """The bucket policies of the stack attached to ``bucket``, and why others might be."""
    return attached(
        bucket, ctx, "AWS::S3::BucketPolicy", "Bucket", bucket_name(bucket, ctx), bucket_key
    )


def _log_targets(other: Resource, ctx: Context) -> list[Any]:
    """Where ``other`` delivers access logs, as resolved bucket values."""
    if other.type == BUCKET:
        return [dig(resolved(other, ctx, "LoggingConfiguration"), "DestinationBucketName")]
    if other.type == "AWS::CloudFront::Distribution":
        return [dig(resolved(other, ctx, "DistributionConfig"), "Logging", "Bucket")]
    if other.type == "AWS::ElasticLoadBalancing::LoadBalancer":
        return [dig(resolved(other, ctx, "AccessLoggingPolicy"), "S3BucketName")]
    return [
        dig(item, "Value")
        for item in listed(resolved(other, ctx, "LoadBalancerAttributes"))
        if str(dig(item, "Key")).endswith("logs.s3.bucket")
    ]


_LOG_SOURCES = {
    BUCKET: "server access logs of bucket",
    "AWS::CloudFront::Distribution": "access logs of CloudFront distribution",
    "AWS::ElasticLoadBalancing::LoadBalancer": "access logs of load balancer",
    "AWS::ElasticLoadBalancingV2::LoadBalancer": "access logs of load balancer",
}


def log_sources(bucket: Resource, ctx: Context) -> list[str]:
    """What delivers access logs into ``bucket`` (other buckets, distributions, load balancers)."""
    name = bucket_name(bucket, ctx)
    found = []
    for other in candidates(bucket, ctx, name, tuple(_LOG_SOURCES), _log_targets, bucket_key):
        if other.logical_id == bucket.logical_id:
            continue
        targets = [t for t in _log_targets(other, ctx) if t is not ABSENT]
        if any(refers_to(t, bucket, name, bucket_key) for t in targets):
            found.append(f"{_LOG_SOURCES[other.type]} {other.logical_id}")
    return found


def _replicated_from(bucket: Resource, ctx: Context) -> str | None:
    """The bucket of the stack that replicates into ``bucket``, if any."""
    name = bucket_name(bucket, ctx)
    for other in candidates(bucket, ctx, name, (BUCKET,), _replication_targets, bucket_key):
        for target in _replication_targets(other, ctx):
            if other.logical_id != bucket.logical_id and refers_to(
                target, bucket, name, bucket_key
            ):
                return other.logical_id
    return None


def _replication_targets(other: Resource, ctx: Context) -> list[Any]:
    """The destination buckets of ``other``'s replication rules, as resolved values."""
    rules = dig(resolved(other, ctx, "ReplicationConfiguration"), "Rules")
    targets = [dig(rule, "Destination", "Bucket") for rule in listed(rules)]
    return [t for t in targets if t is not ABSENT]


# --- checks ------------------------------------------------------------------------------------


@check("s3.public-access-block")
def public_access_block(bucket: Resource, ctx: Context) -> Verdict:
    path = "PublicAccessBlockConfiguration"
    config = resolved(bucket, ctx, path)
    if doubt(config):
        return unknown(f"the public access block is not known: {doubt(config)}", path)
    if config is ABSENT:
        return failed(
            "no PublicAccessBlockConfiguration: nothing in the template stops a public ACL "
            "or policy (S3 blocks by default only on buckets created since April 2023)",
            path,
        )
    off = [s for s in _BLOCK_SETTINGS if not doubt(dig(config, s)) and not is_true(dig(config, s))]
    if off:
        return failed(f"{', '.join(off)} not enabled: public access is not fully blocked", path)
    open_ = [s for s in _BLOCK_SETTINGS if doubt(dig(config, s))]
    if open_:
        return unknown(f"{open_[0]} is not known: {doubt(dig(config, open_[0]))}", path)
    return passed("all four public access block settings enabled", path)


@check("s3.public-access")
def public_access(bucket: Resource, ctx: Context) -> Verdict:
    acl = resolved(bucket, ctx, "AccessControl")
    if acl in _PUBLIC_ACLS:
        return failed(
            f"AccessControl {acl}: the ACL grants access to "
            + ("every AWS account" if acl == "AuthenticatedRead" else "anyone on the internet"),
            "AccessControl",
        )
    policies, reason = bucket_policies(bucket, ctx)
    grant, doubt_reason = open_grant(policies, ctx, "bucket")
    if grant:
        return failed(grant)
    reason = reason or doubt_reason
    if doubt(acl):
        return unknown(f"the ACL is not known: {doubt(acl)}", "AccessControl")
    if reason:
        return unknown(f"bucket policies not fully known: {reason}")
    return passed("no public ACL and no bucket policy statement open to anyone")


@check("s3.tls-only")
def tls_only(bucket: Resource, ctx: Context) -> Verdict:
    policies, reason = bucket_policies(bucket, ctx)
    covering, partial, doubt_reason = tls_denial(
        policies, ctx, lambda denied: covers_all(denied, "s3")
    )
    if covering:
        return passed(f"bucket policy {covering} denies requests without TLS")
    reason = reason or doubt_reason
    if reason:
        return unknown(f"bucket policies not fully known: {reason}")
    if partial and partial[1]:
        return failed(
            f"bucket policy {partial[0]} denies plain HTTP only for {', '.join(partial[1])}; "
            "other requests still work without TLS"
        )
    if not policies:
        return failed("no bucket policy: requests over plain HTTP are accepted")
    names = ", ".join(p.logical_id for p in policies)
    return failed(f"bucket policy {names} does not deny requests without TLS (aws:SecureTransport)")


def _default_encryption(bucket: Resource, ctx: Context) -> tuple[Any, Any, Any]:
    """The first rule's algorithm, key and BucketKeyEnabled (ABSENT when not set)."""
    rule = dig(resolved(bucket, ctx, "BucketEncryption"), "ServerSideEncryptionConfiguration", 0)
    default = dig(rule, "ServerSideEncryptionByDefault")
    return (
        dig(default, "SSEAlgorithm"),
        dig(default, "KMSMasterKeyID"),
        dig(rule, "BucketKeyEnabled"),
    )


@check("s3.encryption-cmk")
def encryption_cmk(bucket: Resource, ctx: Context) -> Verdict:
    if resolved(bucket, ctx, "WebsiteConfiguration") is not ABSENT:
        return not_applicable(
            "hosts a static website: website endpoints cannot serve SSE-KMS objects"
        )
    elb = [s for s in log_sources(bucket, ctx) if "load balancer" in s]
    if elb:
        return not_applicable(f"receives {elb[0]}, which S3 accepts only with SSE-S3")
    algorithm, key, _ = _default_encryption(bucket, ctx)
    path = "BucketEncryption"
    if doubt(algorithm):
        return unknown(f"the encryption algorithm is not known: {doubt(algorithm)}", path)
    if algorithm is ABSENT or algorithm == "AES256":
        return failed(
            "SSE-S3 only: objects are encrypted with keys S3 owns, outside your key policies", path
        )
    kind = key_kind(key)
    if kind == "absent":
        return failed(f"{algorithm} with no KMSMasterKeyID: the AWS-managed key aws/s3", path)
    if kind == "managed":
        return failed(f"{algorithm} with an AWS-managed key, not a customer-managed one", path)
    if kind == "unknown":
        return unknown(f"the KMS key is not known: {doubt(key)}", path)
    return passed(f"{algorithm} with a customer-managed key", path)


@check("s3.bucket-key")
def bucket_key_enabled(bucket: Resource, ctx: Context) -> Verdict:
    algorithm, _, enabled = _default_encryption(bucket, ctx)
    path = "BucketEncryption"
    if doubt(algorithm):
        return unknown(f"the encryption algorithm is not known: {doubt(algorithm)}", path)
    if algorithm in (ABSENT, "AES256"):
        return not_applicable("SSE-S3: no KMS requests for a bucket key to save")
    if algorithm != "aws:kms":
        return not_applicable(f"{algorithm} does not support S3 Bucket Keys")
    if doubt(enabled):
        return unknown(f"BucketKeyEnabled is not known: {doubt(enabled)}", path)
    if is_true(enabled):
        return passed("SSE-KMS with an S3 Bucket Key", path)
    return failed("SSE-KMS without BucketKeyEnabled: every object written or read calls KMS", path)


@check("s3.versioning")
def versioning(bucket: Resource, ctx: Context) -> Verdict:
    path = "VersioningConfiguration.Status"
    status = dig(resolved(bucket, ctx, "VersioningConfiguration"), "Status")
    if doubt(status):
        return unknown(f"the versioning status is not known: {doubt(status)}", path)
    if status == "Enabled":
        return passed("versioning enabled", path)
    if status == "Suspended":
        return failed("versioning suspended: overwritten and deleted objects are not kept", path)
    return failed("no versioning: an overwrite or delete loses the object for good", path)


@check("s3.access-logging")
def access_logging(bucket: Resource, ctx: Context) -> Verdict:
    sources = log_sources(bucket, ctx)
    if sources:
        return not_applicable(f"a log bucket: receives {sources[0]}")
    config = resolved(bucket, ctx, "LoggingConfiguration")
    if doubt(config):
        return unknown(
            f"the logging configuration is not known: {doubt(config)}", "LoggingConfiguration"
        )
    if config is ABSENT:
        return failed(
            "no server access logging: requests to the bucket leave no record",
            "LoggingConfiguration",
        )
    target = dig(config, "DestinationBucketName")
    if isinstance(target, Reference):
        return passed(
            f"server access logs go to bucket {target.logical_id}", "LoggingConfiguration"
        )
    return passed("server access logging configured", "LoggingConfiguration")


@check("s3.lifecycle")
def lifecycle(bucket: Resource, ctx: Context) -> Verdict:
    path = "LifecycleConfiguration.Rules"
    rules = dig(resolved(bucket, ctx, "LifecycleConfiguration"), "Rules")
    if doubt(rules):
        return unknown(f"the lifecycle rules are not known: {doubt(rules)}", path)
    items = [r for r in listed(rules) if isinstance(r, dict)]
    enabled = [r for r in items if dig(r, "Status") == "Enabled"]
    if enabled:
        return passed(
            f"{len(enabled)} enabled lifecycle rule{'s' if len(enabled) > 1 else ''}", path
        )
    unsure = next((dig(r, "Status") for r in items if doubt(dig(r, "Status"))), None)
    if unsure is not None:
        return unknown(f"whether a lifecycle rule is enabled is not known: {doubt(unsure)}", path)
    if items:
        return failed(
            "every lifecycle rule is disabled: objects stay in their storage class forever", path
        )
    return failed(
        "no lifecycle rules: objects and old versions are kept, and billed, forever", path
    )


@check("s3.replication")
def replication(bucket: Resource, ctx: Context) -> Verdict:
    if not ctx.option("required"):
        return not_applicable(f"the {ctx.profile.value} profile does not ask for replicas")
    sources = log_sources(bucket, ctx)
    if sources:
        return not_applicable(f"a log bucket: receives {sources[0]}")
    source = _replicated_from(bucket, ctx)
    if source:
        return not_applicable(f"the replica of bucket {source}")
    path = "ReplicationConfiguration"
    rules = dig(resolved(bucket, ctx, path), "Rules")
    if doubt(rules):
        return unknown(f"the replication rules are not known: {doubt(rules)}", path)
    statuses = [dig(r, "Status") for r in listed(rules) if isinstance(r, dict)]
    if "Enabled" in statuses:
        return passed("replicates objects to another bucket", path)
    unsure = next((s for s in statuses if doubt(s)), None)
    if unsure is not None:
        return unknown(f"whether a replication rule is enabled is not known: {doubt(unsure)}", path)
    return failed(
        "no replication: the only copy of the data lives in one bucket in one Region", path
    )
