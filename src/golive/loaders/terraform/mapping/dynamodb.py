"""DynamoDB tables and Application Auto Scaling.

- ``aws_dynamodb_table`` is an ``AWS::DynamoDB::Table``, unless it has ``replica`` blocks:
  then it is a global table (version 2019.11.21), which CloudFormation writes as one
  ``AWS::DynamoDB::GlobalTable`` whose ``Replicas`` hold every region's settings. The
  table's own region becomes the first replica (point-in-time recovery, deletion protection,
  key and tags of the table itself), each ``replica`` block one more. This matters because
  Terraform's replica settings do not follow the table's: ``point_in_time_recovery`` and
  ``deletion_protection_enabled`` of a replica default to false, and a replica uses the
  AWS-managed key unless it names its own ``kms_key_arn``.
- ``aws_dynamodb_table_replica`` is one more region of a global table managed on its own.
  CloudFormation has no resource for a lone replica; it is a table of its own in its region,
  with its own recovery, protection and key, so it maps to an ``AWS::DynamoDB::Table``. Its
  capacity mode is the global table's, which this resource does not say: ``BillingMode`` is
  unknown rather than CloudFormation's default.
- ``server_side_encryption``: absent or ``enabled = false`` is the AWS-owned key; enabled
  without ``kms_key_arn`` the AWS-managed key ``aws/dynamodb``; with it, that key. This is
  ``SSESpecification`` exactly (``SSEEnabled`` false / true / true with ``KMSMasterKeyId``).
- ``aws_appautoscaling_target``/``_policy`` map one to one. The DynamoDB capacity check
  finds a table's targets by their ``ResourceId`` (``table/${aws_dynamodb_table.t.name}``,
  whose ``name`` is the table's ``Ref``) and a target's policies by their references to it
  (``resource_id = aws_appautoscaling_target.t.resource_id``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    converts,
    get,
    nested,
    nested_blocks,
    put,
    renamed,
    renamed_block,
    renamed_blocks,
    shaped_block,
    tag_list,
)
from golive.loaders.terraform.mapping.network import given
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Text, Unknown

_ON_DEMAND = "PAY_PER_REQUEST"


@converts("aws_dynamodb_table")
def table(resource: TfResource) -> Mapped:
    """``aws_dynamodb_table`` -> ``AWS::DynamoDB::Table`` (``GlobalTable`` with replicas)."""
    attrs = resource.attributes
    replicas = nested_blocks(attrs, "replica")
    if isinstance(replicas, Unknown) or replicas:
        return _global_table(resource, replicas)
    props = _common(attrs)
    put(
        props,
        "PointInTimeRecoverySpecification",
        shaped_block(attrs, "point_in_time_recovery", _recovery),
    )
    put(props, "DeletionProtectionEnabled", get(attrs, "deletion_protection_enabled"))
    put(props, "SSESpecification", _encryption(nested(attrs, "server_side_encryption"), True))
    if get(attrs, "billing_mode") != _ON_DEMAND:
        throughput = renamed(
            attrs, {"read_capacity": "ReadCapacityUnits", "write_capacity": "WriteCapacityUnits"}
        )
        put(props, "ProvisionedThroughput", throughput or None)
    put(props, "TableClass", get(attrs, "table_class"))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::DynamoDB::Table", props)


def _common(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """What a table and a global table share: name, keys, billing, stream, TTL."""
    props = renamed(attrs, {"name": "TableName", "billing_mode": "BillingMode"})
    keys = [
        {"AttributeName": get(attrs, tf), "KeyType": kind}
        for tf, kind in (("hash_key", "HASH"), ("range_key", "RANGE"))
        if get(attrs, tf) not in (ABSENT, "")
    ]
    put(props, "KeySchema", keys or None)
    put(
        props,
        "AttributeDefinitions",
        renamed_blocks(attrs, "attribute", {"name": "AttributeName", "type": "AttributeType"}),
    )
    enabled = get(attrs, "stream_enabled")
    if isinstance(enabled, (Unknown, Text)):
        props["StreamSpecification"] = Unknown("whether the table has a stream is not known")
    elif enabled is True:
        props["StreamSpecification"] = renamed(attrs, {"stream_view_type": "StreamViewType"})
    put(
        props,
        "TimeToLiveSpecification",
        renamed_block(attrs, "ttl", {"attribute_name": "AttributeName", "enabled": "Enabled"}),
    )
    return props


def _recovery(block: Mapping[str, Any]) -> dict[str, Any]:
    """``point_in_time_recovery`` -> ``PointInTimeRecoverySpecification``."""
    props = renamed(block, {"enabled": "PointInTimeRecoveryEnabled"})
    days = get(block, "recovery_period_in_days")
    if days not in (ABSENT, 0):
        props["RecoveryPeriodInDays"] = days
    return props


def _encryption(block: dict[str, Any] | Unknown | None, with_key: bool) -> Any:
    """``server_side_encryption`` -> ``SSESpecification`` (the key only where it belongs).

    A table carries its key in ``SSESpecification``; a global table carries it per replica.
    """
    if block is None or isinstance(block, Unknown):
        return block
    enabled = get(block, "enabled")
    props: dict[str, Any] = {"SSEEnabled": enabled}
    if enabled is True:
        props["SSEType"] = "KMS"
    if with_key and enabled is not False:
        put(props, "KMSMasterKeyId", given(get(block, "kms_key_arn")))
    return props


# -- global tables -------------------------------------------------------------------------


def _global_table(resource: TfResource, replicas: list[dict[str, Any]] | Unknown) -> Mapped:
    """A table with ``replica`` blocks -> ``AWS::DynamoDB::GlobalTable``.

    NOTE: a provisioned global table scales its write capacity with Application Auto Scaling
    targets on the table; CloudFormation writes that inside the global table
    (``WriteProvisionedThroughputSettings``), Terraform as separate resources the checks do not
    relate to a global table. The setting is therefore unknown, not missing.
    """
    attrs = resource.attributes
    props = _common(attrs)
    sse = nested(attrs, "server_side_encryption")
    put(props, "SSESpecification", _encryption(sse, False))
    if get(attrs, "billing_mode") != _ON_DEMAND:
        props["WriteProvisionedThroughputSettings"] = Unknown(
            "the write capacity of a Terraform global table is scaled by "
            "aws_appautoscaling_target resources, which golive does not relate to it"
        )
    if isinstance(replicas, Unknown):
        props["Replicas"] = replicas
        return Mapped("AWS::DynamoDB::GlobalTable", props)
    local: dict[str, Any] = {}
    put(
        local,
        "PointInTimeRecoverySpecification",
        shaped_block(attrs, "point_in_time_recovery", _recovery),
    )
    put(local, "DeletionProtectionEnabled", get(attrs, "deletion_protection_enabled"))
    key = given(get(sse, "kms_key_arn")) if isinstance(sse, dict) else ABSENT
    put(local, "SSESpecification", None if key is ABSENT else {"KMSMasterKeyId": key})
    put(local, "TableClass", get(attrs, "table_class"))
    tags = tag_list(resource)
    put(local, "Tags", tags)
    props["Replicas"] = [local, *(_replica(r, tags) for r in replicas)]
    return Mapped("AWS::DynamoDB::GlobalTable", props)


def _replica(block: Mapping[str, Any], tags: Any) -> dict[str, Any]:
    """One ``replica`` block -> a ``Replicas`` entry; tags only with ``propagate_tags``."""
    props = renamed(
        block, {"region_name": "Region", "deletion_protection_enabled": "DeletionProtectionEnabled"}
    )
    recovery = get(block, "point_in_time_recovery")
    if recovery is not ABSENT:
        props["PointInTimeRecoverySpecification"] = {"PointInTimeRecoveryEnabled": recovery}
    key = given(get(block, "kms_key_arn"))
    if key is not ABSENT:
        props["SSESpecification"] = {"KMSMasterKeyId": key}
    if get(block, "propagate_tags") is True:
        put(props, "Tags", tags)
    return props


@converts("aws_dynamodb_table_replica")
def table_replica(resource: TfResource) -> Mapped:
    """``aws_dynamodb_table_replica`` -> the ``AWS::DynamoDB::Table`` it is in its region."""
    attrs = resource.attributes
    props: dict[str, Any] = {
        "BillingMode": Unknown(
            "a replica has the capacity mode of the global table it replicates (global_table_arn)"
        )
    }
    recovery = get(attrs, "point_in_time_recovery")
    if recovery is not ABSENT:
        props["PointInTimeRecoverySpecification"] = {"PointInTimeRecoveryEnabled": recovery}
    put(props, "DeletionProtectionEnabled", get(attrs, "deletion_protection_enabled"))
    key = given(get(attrs, "kms_key_arn"))
    if key is not ABSENT:
        props["SSESpecification"] = {"SSEEnabled": True, "SSEType": "KMS", "KMSMasterKeyId": key}
    put(props, "TableClass", get(attrs, "table_class_override"))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::DynamoDB::Table", props)


# -- Application Auto Scaling --------------------------------------------------------------


@converts("aws_appautoscaling_target")
def scalable_target(resource: TfResource) -> Mapped:
    """``aws_appautoscaling_target`` -> ``AWS::ApplicationAutoScaling::ScalableTarget``."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "max_capacity": "MaxCapacity",
            "min_capacity": "MinCapacity",
            "resource_id": "ResourceId",
            "role_arn": "RoleARN",
            "scalable_dimension": "ScalableDimension",
            "service_namespace": "ServiceNamespace",
        },
    )
    put(
        props,
        "SuspendedState",
        renamed_block(
            attrs,
            "suspended_state",
            {
                "dynamic_scaling_in_suspended": "DynamicScalingInSuspended",
                "dynamic_scaling_out_suspended": "DynamicScalingOutSuspended",
                "scheduled_scaling_suspended": "ScheduledScalingSuspended",
            },
        ),
    )
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::ApplicationAutoScaling::ScalableTarget", props)


@converts("aws_appautoscaling_policy")
def scaling_policy(resource: TfResource) -> Mapped:
    """``aws_appautoscaling_policy`` -> ``AWS::ApplicationAutoScaling::ScalingPolicy``.

    ``policy_type`` defaults to ``StepScaling`` in the provider; CloudFormation requires it,
    so the default is written out.
    """
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "name": "PolicyName",
            "resource_id": "ResourceId",
            "scalable_dimension": "ScalableDimension",
            "service_namespace": "ServiceNamespace",
        },
    )
    kind = get(attrs, "policy_type")
    props["PolicyType"] = "StepScaling" if kind is ABSENT else kind
    put(
        props,
        "StepScalingPolicyConfiguration",
        shaped_block(attrs, "step_scaling_policy_configuration", _step),
    )
    put(
        props,
        "TargetTrackingScalingPolicyConfiguration",
        shaped_block(attrs, "target_tracking_scaling_policy_configuration", _tracking),
    )
    return Mapped("AWS::ApplicationAutoScaling::ScalingPolicy", props)


def _step(block: Mapping[str, Any]) -> dict[str, Any]:
    props = renamed(
        block,
        {
            "adjustment_type": "AdjustmentType",
            "cooldown": "Cooldown",
            "metric_aggregation_type": "MetricAggregationType",
            "min_adjustment_magnitude": "MinAdjustmentMagnitude",
        },
    )
    steps = {
        "metric_interval_lower_bound": "MetricIntervalLowerBound",
        "metric_interval_upper_bound": "MetricIntervalUpperBound",
        "scaling_adjustment": "ScalingAdjustment",
    }
    props["StepAdjustments"] = renamed_blocks(block, "step_adjustment", steps) or []
    return props


def _tracking(block: Mapping[str, Any]) -> dict[str, Any]:
    props = renamed(
        block,
        {
            "target_value": "TargetValue",
            "disable_scale_in": "DisableScaleIn",
            "scale_in_cooldown": "ScaleInCooldown",
            "scale_out_cooldown": "ScaleOutCooldown",
        },
    )
    put(
        props,
        "PredefinedMetricSpecification",
        renamed_block(
            block,
            "predefined_metric_specification",
            {"predefined_metric_type": "PredefinedMetricType", "resource_label": "ResourceLabel"},
        ),
    )
    put(
        props,
        "CustomizedMetricSpecification",
        renamed_block(
            block,
            "customized_metric_specification",
            {
                "metric_name": "MetricName",
                "namespace": "Namespace",
                "statistic": "Statistic",
                "unit": "Unit",
            },
        ),
    )
    return props
