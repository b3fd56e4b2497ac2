"""ECS clusters, capacity providers and services.

Terraform writes most ECS settings as nested blocks in snake_case; CloudFormation nests the
same settings in PascalCase, sometimes one level deeper (``deployment_circuit_breaker`` is
``DeploymentConfiguration.DeploymentCircuitBreaker``). Two decisions need explaining:

- ``desired_count`` has no default in the provider schema, so an omitted count creates the
  service with 0 tasks, where CloudFormation starts 1. The 0 is written explicitly for
  replica services, so availability checks judge what Terraform deploys.
- ``assign_public_ip`` is a boolean in Terraform and ``ENABLED``/``DISABLED`` in
  CloudFormation; both default to no public address.

Task definitions are in ``containers_tasks``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    block,
    converts,
    enabled_disabled,
    get,
    put,
    put_nonempty,
    renamed,
    renamed_blocks,
    tag_list,
)
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT

# -- clusters and capacity providers --------------------------------------------------------

_STRATEGY = {"capacity_provider": "CapacityProvider", "weight": "Weight", "base": "Base"}
_EXEC_LOGS = {
    "cloud_watch_encryption_enabled": "CloudWatchEncryptionEnabled",
    "cloud_watch_log_group_name": "CloudWatchLogGroupName",
    "s3_bucket_name": "S3BucketName",
    "s3_bucket_encryption_enabled": "S3EncryptionEnabled",
    "s3_key_prefix": "S3KeyPrefix",
}


def _cluster_configuration(attributes: Mapping[str, Any]) -> dict[str, Any]:
    config = block(attributes, "configuration") or {}
    found: dict[str, Any] = {}
    execute = block(config, "execute_command_configuration")
    if execute is not None:
        settings = renamed(execute, {"kms_key_id": "KmsKeyId", "logging": "Logging"})
        put_nonempty(
            settings, "LogConfiguration", renamed(block(execute, "log_configuration"), _EXEC_LOGS)
        )
        found["ExecuteCommandConfiguration"] = settings
    storage = block(config, "managed_storage_configuration")
    if storage is not None:
        found["ManagedStorageConfiguration"] = renamed(
            storage,
            {
                "kms_key_id": "KmsKeyId",
                "fargate_ephemeral_storage_kms_key_id": "FargateEphemeralStorageKmsKeyId",
            },
        )
    return found


@converts("aws_ecs_cluster")
def ecs_cluster(resource: TfResource) -> Mapped:
    """``setting`` blocks are CloudFormation's ``ClusterSettings`` (``containerInsights``).

    The provider's older inline ``capacity_providers`` and
    ``default_capacity_provider_strategy`` arguments map onto the cluster's own properties.
    """
    attributes = resource.attributes
    properties: dict[str, Any] = {}
    put(properties, "ClusterName", get(attributes, "name"))
    put_nonempty(
        properties,
        "ClusterSettings",
        renamed_blocks(attributes, "setting", {"name": "Name", "value": "Value"}),
    )
    put_nonempty(properties, "Configuration", _cluster_configuration(attributes))
    put(properties, "CapacityProviders", get(attributes, "capacity_providers"))
    put_nonempty(
        properties,
        "DefaultCapacityProviderStrategy",
        renamed_blocks(attributes, "default_capacity_provider_strategy", _STRATEGY),
    )
    put_nonempty(
        properties,
        "ServiceConnectDefaults",
        renamed(block(attributes, "service_connect_defaults"), {"namespace": "Namespace"}),
    )
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::ECS::Cluster", properties)


@converts("aws_ecs_cluster_capacity_providers")
def cluster_capacity_providers(resource: TfResource) -> Mapped:
    """The cluster's capacity providers and default strategy, named by ``cluster_name``."""
    attributes = resource.attributes
    properties: dict[str, Any] = {}
    put(properties, "Cluster", get(attributes, "cluster_name"))
    put(properties, "CapacityProviders", get(attributes, "capacity_providers"))
    put_nonempty(
        properties,
        "DefaultCapacityProviderStrategy",
        renamed_blocks(attributes, "default_capacity_provider_strategy", _STRATEGY),
    )
    return Mapped("AWS::ECS::ClusterCapacityProviderAssociations", properties)


@converts("aws_ecs_capacity_provider")
def capacity_provider(resource: TfResource) -> Mapped:
    """An Auto Scaling group's capacity: services that name it run on EC2 instances."""
    attributes = resource.attributes
    properties: dict[str, Any] = {}
    put(properties, "Name", get(attributes, "name"))
    group = block(attributes, "auto_scaling_group_provider")
    if group is not None:
        provider = renamed(
            group,
            {
                "auto_scaling_group_arn": "AutoScalingGroupArn",
                "managed_termination_protection": "ManagedTerminationProtection",
                "managed_draining": "ManagedDraining",
            },
        )
        scaling = renamed(
            block(group, "managed_scaling"),
            {
                "status": "Status",
                "target_capacity": "TargetCapacity",
                "minimum_scaling_step_size": "MinimumScalingStepSize",
                "maximum_scaling_step_size": "MaximumScalingStepSize",
                "instance_warmup_period": "InstanceWarmupPeriod",
            },
        )
        put_nonempty(provider, "ManagedScaling", scaling)
        properties["AutoScalingGroupProvider"] = provider
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::ECS::CapacityProvider", properties)


# -- services --------------------------------------------------------------------------------


def placement_constraints(attributes: Mapping[str, Any]) -> Any:
    """``placement_constraints`` blocks, which services and task definitions write alike."""
    return renamed_blocks(
        attributes, "placement_constraints", {"type": "Type", "expression": "Expression"}
    )


def _deployment(attributes: Mapping[str, Any]) -> dict[str, Any]:
    found = renamed(
        attributes,
        {
            "deployment_maximum_percent": "MaximumPercent",
            "deployment_minimum_healthy_percent": "MinimumHealthyPercent",
        },
    )
    breaker = block(attributes, "deployment_circuit_breaker")
    if breaker is not None:
        found["DeploymentCircuitBreaker"] = renamed(
            breaker, {"enable": "Enable", "rollback": "Rollback"}
        )
    alarms = block(attributes, "alarms")
    if alarms is not None:
        found["Alarms"] = renamed(
            alarms, {"alarm_names": "AlarmNames", "enable": "Enable", "rollback": "Rollback"}
        )
    return found


def _network(attributes: Mapping[str, Any]) -> dict[str, Any] | None:
    network = block(attributes, "network_configuration")
    if network is None:
        return None
    awsvpc = renamed(network, {"subnets": "Subnets", "security_groups": "SecurityGroups"})
    put(awsvpc, "AssignPublicIp", enabled_disabled(get(network, "assign_public_ip")))
    return {"AwsvpcConfiguration": awsvpc}


def _desired_count(attributes: Mapping[str, Any]) -> Any:
    """The provider sends 0 tasks when ``desired_count`` is omitted (daemons take none)."""
    count = get(attributes, "desired_count")
    strategy = get(attributes, "scheduling_strategy")
    if count is not ABSENT:
        return count
    return None if isinstance(strategy, str) and strategy.upper() == "DAEMON" else 0


@converts("aws_ecs_service")
def ecs_service(resource: TfResource) -> Mapped:
    """An ECS service; see the module docstring for ``desired_count``."""
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "name": "ServiceName",
            "cluster": "Cluster",
            "task_definition": "TaskDefinition",
            "launch_type": "LaunchType",
            "platform_version": "PlatformVersion",
            "scheduling_strategy": "SchedulingStrategy",
            "iam_role": "Role",
            "health_check_grace_period_seconds": "HealthCheckGracePeriodSeconds",
            "enable_execute_command": "EnableExecuteCommand",
            "enable_ecs_managed_tags": "EnableECSManagedTags",
            "propagate_tags": "PropagateTags",
            "availability_zone_rebalancing": "AvailabilityZoneRebalancing",
        },
    )
    put(properties, "DesiredCount", _desired_count(attributes))
    put_nonempty(properties, "DeploymentConfiguration", _deployment(attributes))
    put_nonempty(
        properties,
        "DeploymentController",
        renamed(block(attributes, "deployment_controller"), {"type": "Type"}),
    )
    put(properties, "NetworkConfiguration", _network(attributes))
    put_nonempty(
        properties,
        "CapacityProviderStrategy",
        renamed_blocks(attributes, "capacity_provider_strategy", _STRATEGY),
    )
    put_nonempty(
        properties,
        "PlacementStrategies",
        renamed_blocks(
            attributes, "ordered_placement_strategy", {"type": "Type", "field": "Field"}
        ),
    )
    put_nonempty(properties, "PlacementConstraints", placement_constraints(attributes))
    put_nonempty(
        properties,
        "LoadBalancers",
        renamed_blocks(
            attributes,
            "load_balancer",
            {
                "target_group_arn": "TargetGroupArn",
                "elb_name": "LoadBalancerName",
                "container_name": "ContainerName",
                "container_port": "ContainerPort",
            },
        ),
    )
    put_nonempty(
        properties,
        "ServiceRegistries",
        renamed_blocks(
            attributes,
            "service_registries",
            {
                "registry_arn": "RegistryArn",
                "port": "Port",
                "container_name": "ContainerName",
                "container_port": "ContainerPort",
            },
        ),
    )
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::ECS::Service", properties)
