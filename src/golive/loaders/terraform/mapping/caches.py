"""ElastiCache replication groups, cache clusters, serverless caches; MemoryDB clusters.

Decisions where Terraform and CloudFormation differ:

- An ``aws_elasticache_cluster`` with ``replication_group_id`` adds a node to an existing
  replication group and takes its engine, encryption and authentication from it. It has no
  CloudFormation counterpart (a ``CacheCluster`` is always stand-alone), and mapped as one
  it would fail every check meant for a single-node cache, so it maps to nothing: the group
  carries the verdicts.
- Arguments the provider renamed are read under both names: ``num_cache_clusters``
  (``number_cache_clusters``), ``description`` (``replication_group_description``),
  ``preferred_cache_cluster_azs`` (``availability_zones``), and the shard settings of the
  old ``cluster_mode`` block.
- ``at_rest_encryption_enabled``, ``transit_encryption_enabled``,
  ``automatic_failover_enabled``, ``multi_az_enabled`` and ``snapshot_retention_limit``
  are not sent (or sent as false/0) when unset, which matches an absent CloudFormation
  property; they stay absent.
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    block,
    converts,
    get,
    put,
    put_list,
    renamed,
    tag_list,
)
from golive.loaders.terraform.mapping.databases import subnet_group
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT

_GROUP = {
    "replication_group_id": "ReplicationGroupId",
    "replication_group_description": "ReplicationGroupDescription",
    "description": "ReplicationGroupDescription",
    "engine": "Engine",
    "engine_version": "EngineVersion",
    "node_type": "CacheNodeType",
    "number_cache_clusters": "NumCacheClusters",
    "num_cache_clusters": "NumCacheClusters",
    "num_node_groups": "NumNodeGroups",
    "replicas_per_node_group": "ReplicasPerNodeGroup",
    "automatic_failover_enabled": "AutomaticFailoverEnabled",
    "multi_az_enabled": "MultiAZEnabled",
    "at_rest_encryption_enabled": "AtRestEncryptionEnabled",
    "transit_encryption_enabled": "TransitEncryptionEnabled",
    "transit_encryption_mode": "TransitEncryptionMode",
    "auth_token": "AuthToken",
    "kms_key_id": "KmsKeyId",
    "snapshot_retention_limit": "SnapshotRetentionLimit",
    "snapshot_window": "SnapshotWindow",
    "subnet_group_name": "CacheSubnetGroupName",
    "parameter_group_name": "CacheParameterGroupName",
    "port": "Port",
    "cluster_mode": "ClusterMode",
    "auto_minor_version_upgrade": "AutoMinorVersionUpgrade",
    "global_replication_group_id": "GlobalReplicationGroupId",
    "data_tiering_enabled": "DataTieringEnabled",
    "notification_topic_arn": "NotificationTopicArn",
    "network_type": "NetworkType",
}
_OLD_CLUSTER_MODE = {
    "num_node_groups": "NumNodeGroups",
    "replicas_per_node_group": "ReplicasPerNodeGroup",
}


@converts("aws_elasticache_replication_group")
def replication_group(resource: TfResource) -> Mapped:
    """A Redis OSS or Valkey replication group (the engine defaults to ``redis`` in both)."""
    attributes = resource.attributes
    clustered = block(attributes, "cluster_mode")
    names = dict(_GROUP)
    if clustered is not None:
        # NOTE: provider version 3 wrote the shards in a ``cluster_mode`` block; since version
        # 5 ``cluster_mode`` is the string ``enabled``/``disabled``/``compatible``.
        names.pop("cluster_mode")
    properties = renamed(attributes, names)
    if clustered is not None:
        properties.update(renamed(clustered, _OLD_CLUSTER_MODE))
    put_list(properties, "SecurityGroupIds", get(attributes, "security_group_ids"))
    put_list(properties, "UserGroupIds", get(attributes, "user_group_ids"))
    zones = get(attributes, "preferred_cache_cluster_azs")
    put_list(
        properties,
        "PreferredCacheClusterAZs",
        get(attributes, "availability_zones") if zones is ABSENT else zones,
    )
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::ElastiCache::ReplicationGroup", properties)


_CLUSTER = {
    "cluster_id": "ClusterName",
    "engine": "Engine",
    "engine_version": "EngineVersion",
    "node_type": "CacheNodeType",
    "num_cache_nodes": "NumCacheNodes",
    "az_mode": "AZMode",
    "availability_zone": "PreferredAvailabilityZone",
    "snapshot_retention_limit": "SnapshotRetentionLimit",
    "snapshot_window": "SnapshotWindow",
    "subnet_group_name": "CacheSubnetGroupName",
    "parameter_group_name": "CacheParameterGroupName",
    "transit_encryption_enabled": "TransitEncryptionEnabled",
    "port": "Port",
    "auto_minor_version_upgrade": "AutoMinorVersionUpgrade",
    "notification_topic_arn": "NotificationTopicArn",
    "network_type": "NetworkType",
}


@converts("aws_elasticache_cluster")
def cache_cluster(resource: TfResource) -> Mapped | None:
    """A stand-alone Memcached, Redis OSS or Valkey cluster (see the module on replicas)."""
    attributes = resource.attributes
    if get(attributes, "replication_group_id") is not ABSENT:
        return None
    properties = renamed(attributes, _CLUSTER)
    put_list(properties, "VpcSecurityGroupIds", get(attributes, "security_group_ids"))
    put_list(
        properties, "PreferredAvailabilityZones", get(attributes, "preferred_availability_zones")
    )
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::ElastiCache::CacheCluster", properties)


@converts("aws_elasticache_serverless_cache")
def serverless_cache(resource: TfResource) -> Mapped:
    """A serverless cache: always encrypted; ``user_group_id`` decides authentication."""
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "name": "ServerlessCacheName",
            "engine": "Engine",
            "major_engine_version": "MajorEngineVersion",
            "description": "Description",
            "kms_key_id": "KmsKeyId",
            "user_group_id": "UserGroupId",
            "snapshot_retention_limit": "SnapshotRetentionLimit",
            "daily_snapshot_time": "DailySnapshotTime",
        },
    )
    put_list(properties, "SecurityGroupIds", get(attributes, "security_group_ids"))
    put_list(properties, "SubnetIds", get(attributes, "subnet_ids"))
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::ElastiCache::ServerlessCache", properties)


@converts("aws_elasticache_subnet_group")
def cache_subnet_group(resource: TfResource) -> Mapped:
    return subnet_group(
        resource, "AWS::ElastiCache::SubnetGroup", "CacheSubnetGroupName", "Description"
    )


_MEMORYDB = {
    "name": "ClusterName",
    "description": "Description",
    "node_type": "NodeType",
    "acl_name": "ACLName",
    "engine": "Engine",
    "engine_version": "EngineVersion",
    "tls_enabled": "TLSEnabled",
    "kms_key_arn": "KmsKeyId",
    "num_shards": "NumShards",
    "num_replicas_per_shard": "NumReplicasPerShard",
    "snapshot_retention_limit": "SnapshotRetentionLimit",
    "snapshot_window": "SnapshotWindow",
    "subnet_group_name": "SubnetGroupName",
    "parameter_group_name": "ParameterGroupName",
    "auto_minor_version_upgrade": "AutoMinorVersionUpgrade",
    "data_tiering": "DataTiering",
    "port": "Port",
    "sns_topic_arn": "SnsTopicArn",
}


@converts("aws_memorydb_cluster")
def memorydb_cluster(resource: TfResource) -> Mapped:
    """A MemoryDB cluster (TLS on by default in both worlds; no check reads it yet)."""
    attributes = resource.attributes
    properties: dict[str, Any] = renamed(attributes, _MEMORYDB)
    put_list(properties, "SecurityGroupIds", get(attributes, "security_group_ids"))
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::MemoryDB::Cluster", properties)
