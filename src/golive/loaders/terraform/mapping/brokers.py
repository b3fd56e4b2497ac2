"""Message brokers (MSK, Amazon MQ), and the operational services around deployments and
notifications: Chatbot channels, DLM snapshot policies, CodeDeploy applications and groups.

Brokers are read by ``invocations.py`` and the Lambda event source checks (what a function
polls), by ``reach.py`` (VPC-only resources) and by the tagging and secret checks. Amazon
MQ requires ``PubliclyAccessible`` in CloudFormation; the provider defaults it to false,
which is written explicitly as that is what Terraform sends. MSK encryption in transit
defaults to TLS between clients and brokers and inside the cluster in both tools.

Chatbot channels subscribe to SNS topics (``checks/cloudwatch.py`` counts them as
subscribers), DLM policies snapshot tagged volumes (``backups.py``), CodeDeploy carries
tags only for the tagging check.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    block,
    blocks,
    converts,
    get,
    put,
    put_nonempty,
    renamed,
    renamed_blocks,
    tag_list,
    tag_map,
)
from golive.loaders.terraform.mapping.integrations import deep
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT

# -- MSK ------------------------------------------------------------------------------------

_LOG_DESTINATIONS = {
    "cloudwatch_logs": ("CloudWatchLogs", {"enabled": "Enabled", "log_group": "LogGroup"}),
    "firehose": ("Firehose", {"enabled": "Enabled", "delivery_stream": "DeliveryStream"}),
    "s3": ("S3", {"enabled": "Enabled", "bucket": "Bucket", "prefix": "Prefix"}),
}


def _broker_nodes(attributes: Mapping[str, Any]) -> dict[str, Any]:
    nodes = block(attributes, "broker_node_group_info")
    found = renamed(
        nodes,
        {
            "instance_type": "InstanceType",
            "client_subnets": "ClientSubnets",
            "security_groups": "SecurityGroups",
            "az_distribution": "BrokerAZDistribution",
        },
    )
    connectivity = block(nodes or {}, "connectivity_info")
    public = renamed(block(connectivity or {}, "public_access"), {"type": "Type"})
    put_nonempty(found, "ConnectivityInfo", {"PublicAccess": public} if public else None)
    storage = block(block(nodes or {}, "storage_info") or {}, "ebs_storage_info")
    volume = renamed(storage, {"volume_size": "VolumeSize"})
    put_nonempty(found, "StorageInfo", {"EBSStorageInfo": volume} if volume else None)
    return found


def _encryption(attributes: Mapping[str, Any]) -> dict[str, Any]:
    info = block(attributes, "encryption_info")
    if info is None:
        return {}
    found: dict[str, Any] = {}
    key = get(info, "encryption_at_rest_kms_key_arn")
    if key is not ABSENT:
        found["EncryptionAtRest"] = {"DataVolumeKMSKeyId": key}
    put_nonempty(
        found,
        "EncryptionInTransit",
        renamed(
            block(info, "encryption_in_transit"),
            {"client_broker": "ClientBroker", "in_cluster": "InCluster"},
        ),
    )
    return found


def _broker_logs(attributes: Mapping[str, Any]) -> dict[str, Any]:
    logs = block(block(attributes, "logging_info") or {}, "broker_logs")
    found: dict[str, Any] = {}
    for tf_name, (cfn_name, names) in _LOG_DESTINATIONS.items():
        put_nonempty(found, cfn_name, renamed(block(logs or {}, tf_name), names))
    return {"BrokerLogs": found} if found else {}


@converts("aws_msk_cluster")
def msk_cluster(resource: TfResource) -> Mapped:
    """A provisioned MSK cluster: its brokers, encryption, authentication and logs."""
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "cluster_name": "ClusterName",
            "kafka_version": "KafkaVersion",
            "number_of_broker_nodes": "NumberOfBrokerNodes",
            "enhanced_monitoring": "EnhancedMonitoring",
            "storage_mode": "StorageMode",
        },
    )
    put_nonempty(properties, "BrokerNodeGroupInfo", _broker_nodes(attributes))
    put_nonempty(properties, "EncryptionInfo", _encryption(attributes))
    put_nonempty(properties, "LoggingInfo", _broker_logs(attributes))
    put_nonempty(properties, "ClientAuthentication", _msk_authentication(attributes))
    put_nonempty(
        properties,
        "ConfigurationInfo",
        renamed(block(attributes, "configuration_info"), {"arn": "Arn", "revision": "Revision"}),
    )
    put(properties, "Tags", tag_map(resource))
    return Mapped("AWS::MSK::Cluster", properties)


def _msk_authentication(attributes: Mapping[str, Any]) -> dict[str, Any]:
    """Terraform's ``sasl { iam = true }`` is CloudFormation's ``Sasl.Iam.Enabled``."""
    auth = block(attributes, "client_authentication")
    if auth is None:
        return {}
    found: dict[str, Any] = {}
    sasl = block(auth, "sasl")
    if sasl is not None:
        found["Sasl"] = {
            name.capitalize(): {"Enabled": get(sasl, name)}
            for name in ("iam", "scram")
            if get(sasl, name) is not ABSENT
        }
    tls = block(auth, "tls")
    if tls is not None:
        found["Tls"] = {"Enabled": True}
        put(found["Tls"], "CertificateAuthorityArnList", get(tls, "certificate_authority_arns"))
    unauthenticated = get(auth, "unauthenticated")
    if unauthenticated is not ABSENT:
        found["Unauthenticated"] = {"Enabled": unauthenticated}
    return found


@converts("aws_msk_serverless_cluster")
def msk_serverless_cluster(resource: TfResource) -> Mapped:
    """A serverless MSK cluster: its VPC placement and IAM authentication."""
    attributes = resource.attributes
    properties = renamed(attributes, {"cluster_name": "ClusterName"})
    put_nonempty(
        properties,
        "VpcConfigs",
        renamed_blocks(
            attributes,
            "vpc_config",
            {"subnet_ids": "SubnetIds", "security_group_ids": "SecurityGroups"},
        ),
    )
    put_nonempty(properties, "ClientAuthentication", _msk_authentication(attributes))
    put(properties, "Tags", tag_map(resource))
    return Mapped("AWS::MSK::ServerlessCluster", properties)


# -- Amazon MQ ------------------------------------------------------------------------------


@converts("aws_mq_broker")
def mq_broker(resource: TfResource) -> Mapped:
    """An Amazon MQ broker; ``publicly_accessible`` defaults to false (see the docstring)."""
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "broker_name": "BrokerName",
            "engine_type": "EngineType",
            "engine_version": "EngineVersion",
            "host_instance_type": "HostInstanceType",
            "deployment_mode": "DeploymentMode",
            "subnet_ids": "SubnetIds",
            "security_groups": "SecurityGroups",
            "storage_type": "StorageType",
            "authentication_strategy": "AuthenticationStrategy",
            "auto_minor_version_upgrade": "AutoMinorVersionUpgrade",
        },
    )
    public = get(attributes, "publicly_accessible")
    properties["PubliclyAccessible"] = False if public is ABSENT else public
    put_nonempty(
        properties,
        "EncryptionOptions",
        renamed(
            block(attributes, "encryption_options"),
            {"kms_key_id": "KmsKeyId", "use_aws_owned_key": "UseAwsOwnedKey"},
        ),
    )
    put_nonempty(
        properties,
        "Logs",
        renamed(block(attributes, "logs"), {"general": "General", "audit": "Audit"}),
    )
    put_nonempty(
        properties,
        "Configuration",
        renamed(block(attributes, "configuration"), {"id": "Id", "revision": "Revision"}),
    )
    put_nonempty(
        properties,
        "Users",
        renamed_blocks(
            attributes,
            "user",
            {
                "username": "Username",
                "password": "Password",
                "console_access": "ConsoleAccess",
                "groups": "Groups",
                "replication_user": "ReplicationUser",
            },
        ),
    )
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::AmazonMQ::Broker", properties)


# -- Chatbot --------------------------------------------------------------------------------

_CHANNEL = {
    "configuration_name": "ConfigurationName",
    "iam_role_arn": "IamRoleArn",
    "sns_topic_arns": "SnsTopicArns",
    "guardrail_policy_arns": "GuardrailPolicies",
    "logging_level": "LoggingLevel",
    "user_authorization_required": "UserRoleRequired",
}


@converts("aws_chatbot_slack_channel_configuration")
def slack_channel(resource: TfResource) -> Mapped:
    """A Slack channel that receives what its SNS topics publish."""
    names = {**_CHANNEL, "slack_channel_id": "SlackChannelId", "slack_team_id": "SlackWorkspaceId"}
    properties = renamed(resource.attributes, names)
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::Chatbot::SlackChannelConfiguration", properties)


@converts("aws_chatbot_teams_channel_configuration")
def teams_channel(resource: TfResource) -> Mapped:
    """A Microsoft Teams channel that receives what its SNS topics publish."""
    names = {
        **_CHANNEL,
        "channel_id": "TeamsChannelId",
        "team_id": "TeamId",
        "tenant_id": "TeamsTenantId",
    }
    properties = renamed(resource.attributes, names)
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::Chatbot::MicrosoftTeamsChannelConfiguration", properties)


# -- DLM and CodeDeploy ---------------------------------------------------------------------


def _policy_details(details: Mapping[str, Any] | None) -> dict[str, Any]:
    """``target_tags`` is a map in Terraform and a ``[{Key, Value}]`` list in CloudFormation."""
    if details is None:
        return {}
    found = deep({k: v for k, v in details.items() if k not in ("target_tags", "schedule")})
    tags = get(details, "target_tags")
    if isinstance(tags, dict):
        found["TargetTags"] = [{"Key": k, "Value": v} for k, v in tags.items()]
    else:
        put(found, "TargetTags", tags)
    put_nonempty(found, "Schedules", [deep(item) for item in blocks(details, "schedule")])
    return found


@converts("aws_dlm_lifecycle_policy")
def dlm_policy(resource: TfResource) -> Mapped:
    """A snapshot policy: what it snapshots (resource types, target tags) and its state."""
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "description": "Description",
            "execution_role_arn": "ExecutionRoleArn",
            "state": "State",
            "default_policy": "DefaultPolicy",
        },
    )
    put_nonempty(properties, "PolicyDetails", _policy_details(block(attributes, "policy_details")))
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::DLM::LifecyclePolicy", properties)


@converts("aws_codedeploy_app")
def codedeploy_app(resource: TfResource) -> Mapped:
    """A CodeDeploy application."""
    names = {"name": "ApplicationName", "compute_platform": "ComputePlatform"}
    properties = renamed(resource.attributes, names)
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::CodeDeploy::Application", properties)


@converts("aws_codedeploy_deployment_group")
def codedeploy_group(resource: TfResource) -> Mapped:
    """A deployment group: its rollback and alarm settings, and the ECS services it deploys."""
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "app_name": "ApplicationName",
            "deployment_group_name": "DeploymentGroupName",
            "service_role_arn": "ServiceRoleArn",
            "deployment_config_name": "DeploymentConfigName",
            "autoscaling_groups": "AutoScalingGroups",
        },
    )
    put_nonempty(
        properties,
        "AutoRollbackConfiguration",
        renamed(
            block(attributes, "auto_rollback_configuration"),
            {"enabled": "Enabled", "events": "Events"},
        ),
    )
    alarms = block(attributes, "alarm_configuration")
    if alarms is not None:
        config = renamed(
            alarms, {"enabled": "Enabled", "ignore_poll_alarm_failure": "IgnorePollAlarmFailure"}
        )
        names = get(alarms, "alarms")
        if isinstance(names, list):
            config["Alarms"] = [{"Name": name} for name in names]
        properties["AlarmConfiguration"] = config
    put_nonempty(
        properties,
        "DeploymentStyle",
        renamed(
            block(attributes, "deployment_style"),
            {"deployment_option": "DeploymentOption", "deployment_type": "DeploymentType"},
        ),
    )
    put_nonempty(
        properties,
        "ECSServices",
        renamed_blocks(
            attributes,
            "ecs_service",
            {"cluster_name": "ClusterName", "service_name": "ServiceName"},
        ),
    )
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::CodeDeploy::DeploymentGroup", properties)
