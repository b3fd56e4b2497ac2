"""RDS DB instances, Aurora and Multi-AZ DB clusters, their instances, subnet groups, proxies.

Where the provider's defaults differ from CloudFormation's in a way the checks notice:

- ``publicly_accessible``: the provider always sends it, ``false`` unless set, so an
  ``aws_db_instance`` or ``aws_rds_cluster_instance`` without it has no public address.
  CloudFormation leaves it to RDS, which makes an instance public in a VPC with an internet
  gateway; the mapping writes the ``false`` explicitly.
- ``auto_minor_version_upgrade`` of ``aws_rds_cluster_instance``: the provider sends its
  default ``true`` on every instance, so the instance does not take its cluster's setting.
- ``backup_retention_period`` has no provider default: unset, it is not sent and RDS keeps
  backups 1 day, CloudFormation's default too; it stays absent. ``storage_encrypted``,
  ``deletion_protection``, ``multi_az`` and ``iam_database_authentication_enabled`` are not
  sent unless true, which is what an absent CloudFormation property means as well.

Destroying a database in Terraform (``terraform destroy``, or a change that replaces it)
follows ``skip_final_snapshot``, see ``final_snapshot``.
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
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Text, Unknown, is_false, is_true


def final_snapshot(resource: TfResource) -> str | None:
    """The CloudFormation ``DeletionPolicy`` a database's Terraform deletion amounts to.

    With ``skip_final_snapshot`` false (the provider's default) deleting the database takes
    a final snapshot named ``final_snapshot_identifier``; without that name the provider
    refuses to delete it, which keeps the data as well. Either way the data survives in a
    snapshot, which is what ``DeletionPolicy: Snapshot`` means. With ``skip_final_snapshot``
    true the database is deleted with its automated backups (``delete_automated_backups``
    defaults to true): ``Delete``. A replacement deletes the old database the same way, so
    the builder uses the answer for ``UpdateReplacePolicy`` too. ``prevent_destroy`` (the
    builder's ``Retain``) takes precedence. None when the flag is not known: the check then
    falls back to CloudFormation's default for the type.
    """
    skip = get(resource.attributes, "skip_final_snapshot")
    if skip is ABSENT or is_false(skip):
        return "Snapshot"
    if is_true(skip):
        return "Delete"
    return None


def default_false(properties: dict[str, Any], key: str) -> None:
    """Write ``false`` for a flag the provider sends as false when it is not set."""
    properties.setdefault(key, False)


#: Arguments aws_db_instance, aws_rds_cluster and aws_rds_cluster_instance name alike.
_SHARED = {
    "engine": "Engine",
    "engine_version": "EngineVersion",
    "kms_key_id": "KmsKeyId",
    "storage_encrypted": "StorageEncrypted",
    "storage_type": "StorageType",
    "iops": "Iops",
    "allocated_storage": "AllocatedStorage",
    "backup_retention_period": "BackupRetentionPeriod",
    "deletion_protection": "DeletionProtection",
    "monitoring_interval": "MonitoringInterval",
    "monitoring_role_arn": "MonitoringRoleArn",
    "performance_insights_retention_period": "PerformanceInsightsRetentionPeriod",
    "auto_minor_version_upgrade": "AutoMinorVersionUpgrade",
    "iam_database_authentication_enabled": "EnableIAMDatabaseAuthentication",
    "db_subnet_group_name": "DBSubnetGroupName",
    "port": "Port",
    "manage_master_user_password": "ManageMasterUserPassword",
    "copy_tags_to_snapshot": "CopyTagsToSnapshot",
    "delete_automated_backups": "DeleteAutomatedBackups",
    "network_type": "NetworkType",
}

_INSTANCE = {
    **_SHARED,
    "identifier": "DBInstanceIdentifier",
    "instance_class": "DBInstanceClass",
    "availability_zone": "AvailabilityZone",
    "ca_cert_identifier": "CACertificateIdentifier",
    "multi_az": "MultiAZ",
    "publicly_accessible": "PubliclyAccessible",
    "performance_insights_enabled": "EnablePerformanceInsights",
    "performance_insights_kms_key_id": "PerformanceInsightsKMSKeyId",
    "username": "MasterUsername",
    "parameter_group_name": "DBParameterGroupName",
    "option_group_name": "OptionGroupName",
    "replicate_source_db": "SourceDBInstanceIdentifier",
    "snapshot_identifier": "DBSnapshotIdentifier",
    "max_allocated_storage": "MaxAllocatedStorage",
    "custom_iam_instance_profile": "CustomIAMInstanceProfile",
    "license_model": "LicenseModel",
    "db_name": "DBName",
    "name": "DBName",
}

_PITR_INSTANCE = {
    "restore_time": "RestoreTime",
    "use_latest_restorable_time": "UseLatestRestorableTime",
    "source_db_instance_identifier": "SourceDBInstanceIdentifier",
    "source_db_instance_automated_backups_arn": "SourceDBInstanceAutomatedBackupsArn",
    "source_dbi_resource_id": "SourceDbiResourceId",
}


def _password(attributes: dict[str, Any], properties: dict[str, Any], *names: str) -> None:
    """The master password, written (``password``) or write-only (``password_wo``)."""
    for name in names:
        value = get(attributes, name)
        if value is not ABSENT:
            properties["MasterUserPassword"] = value
            return


def _secret_key(attributes: dict[str, Any], properties: dict[str, Any]) -> None:
    key = get(attributes, "master_user_secret_kms_key_id")
    if key is not ABSENT:
        properties["MasterUserSecret"] = {"KmsKeyId": key}


@converts("aws_db_instance")
def db_instance(resource: TfResource) -> Mapped:
    """A stand-alone DB instance, a read replica (``replicate_source_db``) or a restore."""
    attributes = dict(resource.attributes)
    properties = renamed(attributes, _INSTANCE)
    put_list(properties, "VPCSecurityGroups", get(attributes, "vpc_security_group_ids"))
    put_list(
        properties,
        "EnableCloudwatchLogsExports",
        get(attributes, "enabled_cloudwatch_logs_exports"),
    )
    _password(attributes, properties, "password", "password_wo")
    _secret_key(attributes, properties)
    properties.update(renamed(block(attributes, "restore_to_point_in_time"), _PITR_INSTANCE))
    default_false(properties, "PubliclyAccessible")
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::RDS::DBInstance", properties, deletion_policy=final_snapshot(resource))


_CLUSTER = {
    **_SHARED,
    "cluster_identifier": "DBClusterIdentifier",
    "engine_mode": "EngineMode",
    "database_name": "DatabaseName",
    "master_username": "MasterUsername",
    "db_cluster_parameter_group_name": "DBClusterParameterGroupName",
    "db_instance_parameter_group_name": "DBInstanceParameterGroupName",
    "db_cluster_instance_class": "DBClusterInstanceClass",
    "performance_insights_enabled": "PerformanceInsightsEnabled",
    "performance_insights_kms_key_id": "PerformanceInsightsKmsKeyId",
    "enable_http_endpoint": "EnableHttpEndpoint",
    "snapshot_identifier": "SnapshotIdentifier",
    "replication_source_identifier": "ReplicationSourceIdentifier",
    "global_cluster_identifier": "GlobalClusterIdentifier",
    "backtrack_window": "BacktrackWindow",
    "source_region": "SourceRegion",
}

_PITR_CLUSTER = {
    "source_cluster_identifier": "SourceDBClusterIdentifier",
    "source_cluster_resource_id": "SourceDbClusterResourceId",
    "restore_type": "RestoreType",
    "restore_to_time": "RestoreToTime",
    "use_latest_restorable_time": "UseLatestRestorableTime",
}
_V2_SCALING = {
    "min_capacity": "MinCapacity",
    "max_capacity": "MaxCapacity",
    "seconds_until_auto_pause": "SecondsUntilAutoPause",
}


@converts("aws_rds_cluster")
def rds_cluster(resource: TfResource) -> Mapped:
    """An Aurora cluster or a Multi-AZ DB cluster (``db_cluster_instance_class`` set)."""
    attributes = dict(resource.attributes)
    properties = renamed(attributes, _CLUSTER)
    put_list(properties, "VpcSecurityGroupIds", get(attributes, "vpc_security_group_ids"))
    put_list(properties, "AvailabilityZones", get(attributes, "availability_zones"))
    put_list(
        properties,
        "EnableCloudwatchLogsExports",
        get(attributes, "enabled_cloudwatch_logs_exports"),
    )
    _password(attributes, properties, "master_password", "master_password_wo")
    _secret_key(attributes, properties)
    properties.update(renamed(block(attributes, "restore_to_point_in_time"), _PITR_CLUSTER))
    scaling = block(attributes, "serverlessv2_scaling_configuration")
    if scaling is not None:
        properties["ServerlessV2ScalingConfiguration"] = renamed(scaling, _V2_SCALING)
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::RDS::DBCluster", properties, deletion_policy=final_snapshot(resource))


_CLUSTER_INSTANCE = {
    "identifier": "DBInstanceIdentifier",
    "cluster_identifier": "DBClusterIdentifier",
    "engine": "Engine",
    "engine_version": "EngineVersion",
    "instance_class": "DBInstanceClass",
    "publicly_accessible": "PubliclyAccessible",
    "auto_minor_version_upgrade": "AutoMinorVersionUpgrade",
    "performance_insights_enabled": "EnablePerformanceInsights",
    "performance_insights_kms_key_id": "PerformanceInsightsKMSKeyId",
    "performance_insights_retention_period": "PerformanceInsightsRetentionPeriod",
    "monitoring_interval": "MonitoringInterval",
    "monitoring_role_arn": "MonitoringRoleArn",
    "availability_zone": "AvailabilityZone",
    "db_subnet_group_name": "DBSubnetGroupName",
    "db_parameter_group_name": "DBParameterGroupName",
    "promotion_tier": "PromotionTier",
    "ca_cert_identifier": "CACertificateIdentifier",
    "copy_tags_to_snapshot": "CopyTagsToSnapshot",
}


@converts("aws_rds_cluster_instance")
def cluster_instance(resource: TfResource) -> Mapped:
    """A DB instance of a cluster: the cluster carries storage, backups and protection.

    ``monitoring_interval`` 0 (its default) is not sent, so an unset or 0 interval leaves
    the instance to its cluster's setting: only a positive interval is written.
    """
    attributes = resource.attributes
    properties = renamed(attributes, _CLUSTER_INSTANCE)
    if properties.get("MonitoringInterval") == 0:
        del properties["MonitoringInterval"]
    default_false(properties, "PubliclyAccessible")
    properties.setdefault("AutoMinorVersionUpgrade", True)
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::RDS::DBInstance", properties)


def subnet_group(
    resource: TfResource,
    cfn_type: str,
    name: str = "DBSubnetGroupName",
    description: str = "DBSubnetGroupDescription",
) -> Mapped:
    """A subnet group: its ``name``, ``description``, subnets and tags, which every service's
    subnet group names alike in Terraform (RDS, DocumentDB, Neptune, ElastiCache, Redshift).

    ``name`` and ``description`` are the type's CloudFormation names for the first two. The
    provider describes the group "Managed by Terraform" when ``description`` is unset.
    """
    attributes = resource.attributes
    properties = renamed(attributes, {"name": name, "description": description})
    put_list(properties, "SubnetIds", get(attributes, "subnet_ids"))
    put(properties, "Tags", tag_list(resource))
    return Mapped(cfn_type, properties)


@converts("aws_db_subnet_group")
def db_subnet_group(resource: TfResource) -> Mapped:
    return subnet_group(resource, "AWS::RDS::DBSubnetGroup")


_PROXY_AUTH = {
    "auth_scheme": "AuthScheme",
    "secret_arn": "SecretArn",
    "iam_auth": "IAMAuth",
    "client_password_auth_type": "ClientPasswordAuthType",
    "description": "Description",
}


@converts("aws_db_proxy")
def db_proxy(resource: TfResource) -> Mapped:
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "name": "DBProxyName",
            "engine_family": "EngineFamily",
            "role_arn": "RoleArn",
            "require_tls": "RequireTLS",
            "idle_client_timeout": "IdleClientTimeout",
            "debug_logging": "DebugLogging",
        },
    )
    put_list(properties, "VpcSubnetIds", get(attributes, "vpc_subnet_ids"))
    put_list(properties, "VpcSecurityGroupIds", get(attributes, "vpc_security_group_ids"))
    auth = attributes.get("auth")
    if isinstance(auth, (Unknown, Text)):
        properties["Auth"] = Unknown("the proxy's authentication is known only after apply")
    elif isinstance(auth, list):
        properties["Auth"] = [renamed(item, _PROXY_AUTH) for item in auth if isinstance(item, dict)]
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::RDS::DBProxy", properties)


@converts("aws_db_event_subscription")
def event_subscription(resource: TfResource) -> Mapped:
    """RDS events to an SNS topic; ``enabled`` defaults to true in both worlds."""
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "name": "SubscriptionName",
            "sns_topic": "SnsTopicArn",
            "source_type": "SourceType",
            "enabled": "Enabled",
        },
    )
    put_list(properties, "SourceIds", get(attributes, "source_ids"))
    put_list(properties, "EventCategories", get(attributes, "event_categories"))
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::RDS::EventSubscription", properties)
