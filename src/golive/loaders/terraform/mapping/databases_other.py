"""DocumentDB and Neptune clusters, their instances, subnet and parameter groups; Redshift.

DocumentDB and Neptune follow the RDS cluster model (``databases``): the same deletion
semantics (``final_snapshot``), storage encryption and backup retention that are not sent
unless set (absent means what CloudFormation's absent means). Neptune spells some arguments
its own way: ``kms_key_arn``, ``enable_cloudwatch_logs_exports``,
``neptune_cluster_parameter_group_name``, ``neptune_subnet_group_name``.

Parameter groups list ``parameter`` blocks; CloudFormation's ``Parameters`` is a map of name
to value, which is where ``docdb.audit-logs`` and ``neptune.audit-logs`` look for
``audit_logs`` and ``neptune_enable_audit_log``.

Redshift's provider defaults changed in version 6.0 of the AWS provider: ``encrypted``
became true and ``publicly_accessible`` false (they were false and true). See
``redshift_cluster`` for what the mapping makes of an unset one.
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    block,
    blocks,
    converts,
    get,
    merges,
    put,
    put_list,
    renamed,
    tag_list,
)
from golive.loaders.terraform.mapping.databases import (
    default_false,
    final_snapshot,
    subnet_group,
)
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Text, Unknown

_PITR = {
    "source_cluster_identifier": "SourceDBClusterIdentifier",
    "restore_type": "RestoreType",
    "restore_to_time": "RestoreToTime",
    "use_latest_restorable_time": "UseLatestRestorableTime",
}
_CLUSTER = {
    "cluster_identifier": "DBClusterIdentifier",
    "engine_version": "EngineVersion",
    "storage_encrypted": "StorageEncrypted",
    "backup_retention_period": "BackupRetentionPeriod",
    "deletion_protection": "DeletionProtection",
    "snapshot_identifier": "SnapshotIdentifier",
    "port": "Port",
    "storage_type": "StorageType",
    "preferred_backup_window": "PreferredBackupWindow",
    "global_cluster_identifier": "GlobalClusterIdentifier",
    "copy_tags_to_snapshot": "CopyTagsToSnapshot",
}


def _cluster(resource: TfResource, cfn_type: str, names: dict[str, str], logs: str) -> Mapped:
    attributes = resource.attributes
    properties = renamed(attributes, {**_CLUSTER, **names})
    put_list(properties, "VpcSecurityGroupIds", get(attributes, "vpc_security_group_ids"))
    put_list(properties, "AvailabilityZones", get(attributes, "availability_zones"))
    put_list(properties, "EnableCloudwatchLogsExports", get(attributes, logs))
    properties.update(renamed(block(attributes, "restore_to_point_in_time"), _PITR))
    put(properties, "Tags", tag_list(resource))
    return Mapped(cfn_type, properties, deletion_policy=final_snapshot(resource))


@converts("aws_docdb_cluster")
def docdb_cluster(resource: TfResource) -> Mapped:
    return _cluster(
        resource,
        "AWS::DocDB::DBCluster",
        {
            "kms_key_id": "KmsKeyId",
            "db_cluster_parameter_group_name": "DBClusterParameterGroupName",
            "db_subnet_group_name": "DBSubnetGroupName",
            "master_username": "MasterUsername",
            "master_password": "MasterUserPassword",
            "manage_master_user_password": "ManageMasterUserPassword",
        },
        "enabled_cloudwatch_logs_exports",
    )


@converts("aws_neptune_cluster")
def neptune_cluster(resource: TfResource) -> Mapped:
    return _cluster(
        resource,
        "AWS::Neptune::DBCluster",
        {
            "kms_key_arn": "KmsKeyId",
            "neptune_cluster_parameter_group_name": "DBClusterParameterGroupName",
            "neptune_instance_parameter_group_name": "DBInstanceParameterGroupName",
            "neptune_subnet_group_name": "DBSubnetGroupName",
            "iam_database_authentication_enabled": "IamAuthEnabled",
        },
        "enable_cloudwatch_logs_exports",
    )


_INSTANCE = {
    "identifier": "DBInstanceIdentifier",
    "cluster_identifier": "DBClusterIdentifier",
    "instance_class": "DBInstanceClass",
    "auto_minor_version_upgrade": "AutoMinorVersionUpgrade",
    "availability_zone": "AvailabilityZone",
    "preferred_maintenance_window": "PreferredMaintenanceWindow",
}


@converts("aws_docdb_cluster_instance")
def docdb_instance(resource: TfResource) -> Mapped:
    properties = renamed(
        resource.attributes,
        {
            **_INSTANCE,
            "enable_performance_insights": "EnablePerformanceInsights",
            "ca_cert_identifier": "CACertificateIdentifier",
        },
    )
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::DocDB::DBInstance", properties)


@converts("aws_neptune_cluster_instance")
def neptune_instance(resource: TfResource) -> Mapped:
    """A Neptune instance; the provider sends ``publicly_accessible`` false when unset."""
    properties = renamed(
        resource.attributes,
        {
            **_INSTANCE,
            "publicly_accessible": "PubliclyAccessible",
            "neptune_subnet_group_name": "DBSubnetGroupName",
            "neptune_parameter_group_name": "DBParameterGroupName",
            "port": "Port",
        },
    )
    default_false(properties, "PubliclyAccessible")
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::Neptune::DBInstance", properties)


@converts("aws_docdb_subnet_group")
def docdb_subnet_group(resource: TfResource) -> Mapped:
    return subnet_group(resource, "AWS::DocDB::DBSubnetGroup")


@converts("aws_neptune_subnet_group")
def neptune_subnet_group(resource: TfResource) -> Mapped:
    return subnet_group(resource, "AWS::Neptune::DBSubnetGroup")


def parameters(attributes: Any) -> dict[str, Any] | Unknown:
    """``parameter`` blocks as CloudFormation's ``{name: value}`` map."""
    value = attributes.get("parameter")
    if isinstance(value, (Unknown, Text)):
        return Unknown("the parameters are known only after apply")
    found: dict[str, Any] = {}
    for item in blocks(attributes, "parameter"):
        name = get(item, "name")
        if isinstance(name, str):
            found[name] = get(item, "value")
        elif name is not ABSENT:
            return Unknown("a parameter name is known only after apply")
    return found


def _parameter_group(resource: TfResource, cfn_type: str) -> Mapped:
    attributes = resource.attributes
    properties = renamed(
        attributes, {"name": "Name", "family": "Family", "description": "Description"}
    )
    properties["Parameters"] = parameters(attributes)
    put(properties, "Tags", tag_list(resource))
    return Mapped(cfn_type, properties)


@converts("aws_docdb_cluster_parameter_group")
def docdb_parameter_group(resource: TfResource) -> Mapped:
    return _parameter_group(resource, "AWS::DocDB::DBClusterParameterGroup")


@converts("aws_neptune_cluster_parameter_group")
def neptune_parameter_group(resource: TfResource) -> Mapped:
    return _parameter_group(resource, "AWS::Neptune::DBClusterParameterGroup")


# -- Redshift ---------------------------------------------------------------------------------

_REDSHIFT = {
    "cluster_identifier": "ClusterIdentifier",
    "node_type": "NodeType",
    "cluster_type": "ClusterType",
    "number_of_nodes": "NumberOfNodes",
    "database_name": "DBName",
    "master_username": "MasterUsername",
    "master_password": "MasterUserPassword",
    "manage_master_password": "ManageMasterPassword",
    "encrypted": "Encrypted",
    "kms_key_id": "KmsKeyId",
    "enhanced_vpc_routing": "EnhancedVpcRouting",
    "publicly_accessible": "PubliclyAccessible",
    "cluster_subnet_group_name": "ClusterSubnetGroupName",
    "cluster_parameter_group_name": "ClusterParameterGroupName",
    "automated_snapshot_retention_period": "AutomatedSnapshotRetentionPeriod",
    "snapshot_identifier": "SnapshotIdentifier",
    "availability_zone": "AvailabilityZone",
    "multi_az": "MultiAZ",
    "port": "Port",
    "allow_version_upgrade": "AllowVersionUpgrade",
}


@converts("aws_redshift_cluster")
def redshift_cluster(resource: TfResource) -> Mapped:
    """A provisioned Redshift cluster.

    ``encrypted`` unset: version 6 of the provider sends true; version 5 sends nothing and
    Redshift has encrypted new clusters by default since early 2025. Either way the cluster
    is encrypted, so ``Encrypted: true`` is written. ``publicly_accessible`` unset differs
    by provider version (version 5 sends true, version 6 false), which the configuration
    does not say: it is unknown. The ``logging`` block (removed in version 6 in favour of
    ``aws_redshift_logging``) becomes ``LoggingProperties`` when it is enabled.
    """
    attributes = resource.attributes
    properties = renamed(attributes, _REDSHIFT)
    properties.setdefault("Encrypted", True)
    properties.setdefault(
        "PubliclyAccessible",
        Unknown(
            "publicly_accessible is not set: version 6 of the AWS provider makes the cluster "
            "private, earlier versions public"
        ),
    )
    put_list(properties, "VpcSecurityGroupIds", get(attributes, "vpc_security_group_ids"))
    put_list(properties, "IamRoles", get(attributes, "iam_roles"))
    logging = block(attributes, "logging")
    if logging is not None and get(logging, "enable") is not False:
        _logging(logging, properties)
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::Redshift::Cluster", properties, deletion_policy=final_snapshot(resource))


def _logging(settings: dict[str, Any], properties: dict[str, Any]) -> None:
    enabled = get(settings, "enable")
    if isinstance(enabled, (Unknown, Text)):
        properties["LoggingProperties"] = Unknown("whether audit logging is on is not known")
        return
    logging = renamed(
        settings,
        {
            "bucket_name": "BucketName",
            "s3_key_prefix": "S3KeyPrefix",
            "log_destination_type": "LogDestinationType",
        },
    )
    put_list(logging, "LogExports", get(settings, "log_exports"))
    properties["LoggingProperties"] = logging


@merges(
    "aws_redshift_logging",
    into="aws_redshift_cluster",
    via="cluster_identifier",
    owner_keys=("cluster_identifier",),
)
def redshift_logging(split: TfResource, owner: dict[str, Any]) -> None:
    """Audit logging of a cluster, a resource of its own since provider version 5.x."""
    _logging(dict(split.attributes), owner)


@converts("aws_redshift_subnet_group")
def redshift_subnet_group(resource: TfResource) -> Mapped:
    return subnet_group(
        resource, "AWS::Redshift::ClusterSubnetGroup", "ClusterSubnetGroupName", "Description"
    )
