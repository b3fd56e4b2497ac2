"""How ElastiCache caches protect their data (catalogue: ``catalog/elasticache.yaml``).

Three resource types carry a cache: replication groups (Redis OSS and Valkey, one or more
shards with replicas), stand-alone cache clusters (Memcached, or a single Redis OSS/Valkey
node) and serverless caches. What each can do differs:

- a serverless cache always encrypts at rest and in transit;
- a stand-alone Redis OSS/Valkey cache cluster can neither encrypt at rest nor speak TLS,
  and so cannot require AUTH either: only a replication group can;
- Memcached keeps nothing on disk, has no snapshots and no authentication of its own; its
  self-designed clusters can turn on TLS (version 1.6.12 and later).

``elasticache.automatic-failover`` lives in ``availability.py``.
"""

from __future__ import annotations

from golive.checks.base import (
    Verdict,
    check,
    count_setting,
    failed,
    not_applicable,
    passed,
    required,
    switch,
    unknown,
)
from golive.context import Context
from golive.model import Resource
from golive.values import ABSENT, Unknown, is_true

GROUP = "AWS::ElastiCache::ReplicationGroup"
CLUSTER = "AWS::ElastiCache::CacheCluster"
SERVERLESS = "AWS::ElastiCache::ServerlessCache"


def _engine(cache: Resource, ctx: Context) -> str | Unknown:
    """The engine, lower case (CloudFormation requires one except on replication groups,
    which run Redis OSS unless told otherwise)."""
    value = ctx.value(cache, "Engine")
    if value.unknown:
        return Unknown(f"the engine is not known: {value.reason}")
    return "redis" if value.absent else str(value.value).lower()


def _key_value_engine(cache: Resource, ctx: Context, memcached: str) -> str | Verdict:
    """The Redis OSS or Valkey engine of ``cache``, or the verdict when it is not one:
    UNKNOWN for an unknown engine, NOT_APPLICABLE (saying ``memcached``) for Memcached."""
    engine = _engine(cache, ctx)
    if isinstance(engine, Unknown):
        return unknown(engine.reason, "Engine")
    if engine == "memcached":
        return not_applicable(memcached)
    return engine


def _single_node(engine: str, missing: str) -> Verdict:
    return failed(
        f"a stand-alone {engine} cache cluster cannot {missing}; only a replication group can "
        "(a group of one node costs the same)",
        "Engine",
    )


def _kms(cache: Resource, ctx: Context, default: str) -> str:
    return default if ctx.value(cache, "KmsKeyId").absent else "the KMS key in KmsKeyId"


@check("elasticache.encryption-at-rest")
def encryption_at_rest(cache: Resource, ctx: Context) -> Verdict:
    if cache.type == SERVERLESS:
        key = _kms(cache, ctx, "an AWS owned key")
        return passed(f"a serverless cache: always encrypted at rest, with {key}")
    engine = _key_value_engine(
        cache,
        ctx,
        "Memcached keeps its data in memory only; self-designed Memcached clusters offer no "
        "encryption at rest",
    )
    if isinstance(engine, Verdict):
        return engine
    if cache.type == CLUSTER:
        return _single_node(engine, "encrypt its disk and backups")
    return switch(
        ctx.value(cache, "AtRestEncryptionEnabled"),
        "AtRestEncryptionEnabled",
        on=f"encrypted at rest with {_kms(cache, ctx, 'the AWS managed key')}",
        off="AtRestEncryptionEnabled is not true: data swapped to disk and backups in S3 are "
        "unencrypted, and encryption can only be chosen when the group is created",
    )


@check("elasticache.encryption-in-transit")
def encryption_in_transit(cache: Resource, ctx: Context) -> Verdict:
    if cache.type == SERVERLESS:
        return passed("a serverless cache: clients always connect over TLS")
    engine = _engine(cache, ctx)
    if isinstance(engine, Unknown):
        return unknown(engine.reason, "Engine")
    if cache.type == CLUSTER and engine != "memcached":
        return _single_node(engine, "encrypt connections with TLS")
    path = "TransitEncryptionEnabled"
    flag = ctx.value(cache, path)
    if flag.unknown:
        return unknown(f"{path} is not known: {flag.reason}", path)
    if not (flag.known and is_true(flag.value)):
        return failed(
            "TransitEncryptionEnabled is not true: commands, data and any password cross the "
            "network in clear text",
            path,
        )
    mode = ctx.value(cache, "TransitEncryptionMode")
    if mode.unknown:
        return unknown(
            f"TransitEncryptionMode is not known: {mode.reason}", "TransitEncryptionMode"
        )
    if mode.known and str(mode.value).lower() == "preferred":
        return failed(
            "TransitEncryptionMode is preferred: unencrypted connections are still accepted "
            "(meant only while clients migrate; set required)",
            "TransitEncryptionMode",
        )
    return passed("clients must connect over TLS", path)


@check("elasticache.auth")
def auth(cache: Resource, ctx: Context) -> Verdict:
    engine = _key_value_engine(
        cache,
        ctx,
        "Memcached on ElastiCache has no authentication of its own; its security groups are "
        "the only gate",
    )
    if isinstance(engine, Verdict):
        return engine
    if cache.type == CLUSTER:
        return _single_node(engine, "require AUTH or RBAC users (both need TLS)")
    if cache.type == SERVERLESS:
        return required(
            ctx.value(cache, "UserGroupId"),
            "UserGroupId",
            present="RBAC users of a user group authenticate every connection",
            missing="no user group (UserGroupId): clients connect as the default user, without "
            "a password",
        )
    return _group_auth(cache, ctx)


def _group_auth(group: Resource, ctx: Context) -> Verdict:
    token = ctx.resolver.resolve(group.properties.get("AuthToken", ABSENT))
    users = ctx.value(group, "UserGroupIds")
    if users.unknown:
        return unknown(f"UserGroupIds is not known: {users.reason}", "UserGroupIds")
    rbac = users.known and bool(users.value)
    password = token is not ABSENT and token != ""
    if not (rbac or password):
        return failed(
            "neither an AuthToken nor RBAC user groups (UserGroupIds): anyone who reaches the "
            "port can read and change every key",
            "AuthToken",
        )
    means = "RBAC user groups" if rbac else "an AUTH token"
    how = "sign in as an RBAC user" if rbac else "present the AUTH token"
    tls = ctx.value(group, "TransitEncryptionEnabled")
    if tls.unknown:
        return unknown(
            f"{means}, but TransitEncryptionEnabled is not known: {tls.reason}",
            "TransitEncryptionEnabled",
        )
    if not (tls.known and is_true(tls.value)):
        return failed(
            f"{means} without TransitEncryptionEnabled: ElastiCache applies authentication "
            "only to TLS connections, and a password sent in clear text protects nothing",
            "TransitEncryptionEnabled",
        )
    return passed(f"every connection must {how}, over TLS", "UserGroupIds" if rbac else "AuthToken")


@check("elasticache.snapshot-retention")
def snapshot_retention(cache: Resource, ctx: Context) -> Verdict:
    engine = _key_value_engine(
        cache, ctx, "Memcached has no persistence: there is nothing to snapshot"
    )
    if isinstance(engine, Verdict):
        return engine
    path = "SnapshotRetentionLimit"
    days = ctx.value(cache, path)
    count = count_setting(days, path, 0, "days")
    if isinstance(count, Verdict):
        return count
    if count <= 0:
        return failed(
            f"no automatic snapshots ({path} {'unset, so 0' if days.absent else count}): a "
            "failure or a bad flush loses every key, and the cache restarts cold",
            path,
        )
    return passed(f"daily snapshots kept {count} day{'' if count == 1 else 's'}", path)
