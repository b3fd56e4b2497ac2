"""The account guardrails: CloudTrail, Config, GuardDuty, Security Hub, Budgets.

- ``aws_cloudtrail``: ``enable_logging`` defaults to true in the provider, and
  CloudFormation requires ``IsLogging``, so the default is written out. The other
  switches (multi-region, log file validation) default to false in both.
- ``aws_guardduty_detector``: ``enable`` defaults to true in the provider, while
  CloudFormation requires ``Enable`` and the check reads it absent as disabled: the
  provider default is written out.
- ``aws_securityhub_account``: ``enable_default_standards`` defaults to true in both, and
  ``aws_securityhub_standards_subscription`` is an ``AWS::SecurityHub::Standard``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    converts,
    get,
    put,
    renamed,
    renamed_block,
    renamed_blocks,
    shaped_block,
    shaped_blocks,
    tag_list,
)
from golive.loaders.terraform.mapping.json_text import json_value
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Text, Unknown

# -- CloudTrail ----------------------------------------------------------------------------


@converts("aws_cloudtrail")
def trail(resource: TfResource) -> Mapped:
    """``aws_cloudtrail`` -> ``AWS::CloudTrail::Trail``."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "name": "TrailName",
            "s3_bucket_name": "S3BucketName",
            "s3_key_prefix": "S3KeyPrefix",
            "is_multi_region_trail": "IsMultiRegionTrail",
            "is_organization_trail": "IsOrganizationTrail",
            "include_global_service_events": "IncludeGlobalServiceEvents",
            "enable_log_file_validation": "EnableLogFileValidation",
            "kms_key_id": "KMSKeyId",
            "cloud_watch_logs_group_arn": "CloudWatchLogsLogGroupArn",
            "cloud_watch_logs_role_arn": "CloudWatchLogsRoleArn",
            "sns_topic_name": "SnsTopicName",
        },
    )
    for name in ("KMSKeyId", "CloudWatchLogsLogGroupArn", "CloudWatchLogsRoleArn", "S3KeyPrefix"):
        if props.get(name) == "":  # a plan's empty string: not set
            del props[name]
    logging = get(attrs, "enable_logging")
    props["IsLogging"] = True if logging is ABSENT else logging
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::CloudTrail::Trail", props)


# -- AWS Config ----------------------------------------------------------------------------


@converts("aws_config_configuration_recorder")
def configuration_recorder(resource: TfResource) -> Mapped:
    """``aws_config_configuration_recorder`` -> ``AWS::Config::ConfigurationRecorder``."""
    attrs = resource.attributes
    props = renamed(attrs, {"name": "Name", "role_arn": "RoleARN"})
    put(props, "RecordingGroup", shaped_block(attrs, "recording_group", _recording_group))
    put(props, "RecordingMode", shaped_block(attrs, "recording_mode", _recording_mode))
    return Mapped("AWS::Config::ConfigurationRecorder", props)


def _recording_group(group: Mapping[str, Any]) -> dict[str, Any]:
    props = renamed(
        group,
        {
            "all_supported": "AllSupported",
            "include_global_resource_types": "IncludeGlobalResourceTypes",
            "resource_types": "ResourceTypes",
        },
    )
    put(
        props,
        "ExclusionByResourceTypes",
        renamed_block(group, "exclusion_by_resource_types", {"resource_types": "ResourceTypes"}),
    )
    put(
        props,
        "RecordingStrategy",
        renamed_block(group, "recording_strategy", {"use_only": "UseOnly"}),
    )
    return props


def _recording_mode(mode: Mapping[str, Any]) -> dict[str, Any]:
    props = renamed(mode, {"recording_frequency": "RecordingFrequency"})
    names = {
        "description": "Description",
        "recording_frequency": "RecordingFrequency",
        "resource_types": "ResourceTypes",
    }
    put(props, "RecordingModeOverrides", renamed_blocks(mode, "recording_mode_override", names))
    return props


@converts("aws_config_delivery_channel")
def delivery_channel(resource: TfResource) -> Mapped:
    """``aws_config_delivery_channel`` -> ``AWS::Config::DeliveryChannel``."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "name": "Name",
            "s3_bucket_name": "S3BucketName",
            "s3_key_prefix": "S3KeyPrefix",
            "s3_kms_key_arn": "S3KmsKeyArn",
            "sns_topic_arn": "SnsTopicARN",
        },
    )
    put(
        props,
        "ConfigSnapshotDeliveryProperties",
        renamed_block(
            attrs, "snapshot_delivery_properties", {"delivery_frequency": "DeliveryFrequency"}
        ),
    )
    return Mapped("AWS::Config::DeliveryChannel", props)


@converts("aws_config_config_rule")
def config_rule(resource: TfResource) -> Mapped:
    """``aws_config_config_rule`` -> ``AWS::Config::ConfigRule`` (its function in ``Source``)."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "name": "ConfigRuleName",
            "description": "Description",
            "maximum_execution_frequency": "MaximumExecutionFrequency",
        },
    )
    put(props, "InputParameters", json_value(get(attrs, "input_parameters")))
    put(props, "Source", shaped_block(attrs, "source", _source))
    put(
        props,
        "Scope",
        renamed_block(
            attrs,
            "scope",
            {
                "compliance_resource_id": "ComplianceResourceId",
                "compliance_resource_types": "ComplianceResourceTypes",
                "tag_key": "TagKey",
                "tag_value": "TagValue",
            },
        ),
    )
    return Mapped("AWS::Config::ConfigRule", props)


def _source(source: Mapping[str, Any]) -> dict[str, Any]:
    props = renamed(source, {"owner": "Owner", "source_identifier": "SourceIdentifier"})
    details = renamed_blocks(
        source,
        "source_detail",
        {
            "event_source": "EventSource",
            "message_type": "MessageType",
            "maximum_execution_frequency": "MaximumExecutionFrequency",
        },
    )
    put(props, "SourceDetails", details)
    policy = renamed_block(
        source,
        "custom_policy_details",
        {
            "policy_runtime": "PolicyRuntime",
            "policy_text": "PolicyText",
            "enable_debug_log_delivery": "EnableDebugLogDelivery",
        },
    )
    put(props, "CustomPolicyDetails", policy)
    return props


# -- GuardDuty and Security Hub ------------------------------------------------------------


@converts("aws_guardduty_detector")
def guardduty_detector(resource: TfResource) -> Mapped:
    """``aws_guardduty_detector`` -> ``AWS::GuardDuty::Detector``; ``enable`` defaults to true."""
    attrs = resource.attributes
    enable = get(attrs, "enable")
    props: dict[str, Any] = {"Enable": True if enable is ABSENT else enable}
    put(props, "FindingPublishingFrequency", get(attrs, "finding_publishing_frequency"))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::GuardDuty::Detector", props)


@converts("aws_securityhub_account")
def securityhub_account(resource: TfResource) -> Mapped:
    """``aws_securityhub_account`` -> ``AWS::SecurityHub::Hub``."""
    props = renamed(
        resource.attributes,
        {
            "enable_default_standards": "EnableDefaultStandards",
            "control_finding_generator": "ControlFindingGenerator",
            "auto_enable_controls": "AutoEnableControls",
        },
    )
    return Mapped("AWS::SecurityHub::Hub", props)


@converts("aws_securityhub_standards_subscription")
def securityhub_standard(resource: TfResource) -> Mapped:
    """``aws_securityhub_standards_subscription`` -> ``AWS::SecurityHub::Standard``."""
    props = renamed(resource.attributes, {"standards_arn": "StandardsArn"})
    return Mapped("AWS::SecurityHub::Standard", props)


# -- Budgets -------------------------------------------------------------------------------


@converts("aws_budgets_budget")
def budget(resource: TfResource) -> Mapped:
    """``aws_budgets_budget`` -> ``AWS::Budgets::Budget``.

    Each ``notification`` block is one ``NotificationsWithSubscribers`` entry whose
    subscribers are its e-mail addresses and SNS topics.
    """
    attrs = resource.attributes
    data = renamed(
        attrs, {"name": "BudgetName", "budget_type": "BudgetType", "time_unit": "TimeUnit"}
    )
    amount = get(attrs, "limit_amount")
    if amount is not ABSENT:
        data["BudgetLimit"] = {"Amount": _number(amount)}
        put(data["BudgetLimit"], "Unit", get(attrs, "limit_unit"))
    props: dict[str, Any] = {"Budget": data}
    put(props, "NotificationsWithSubscribers", shaped_blocks(attrs, "notification", _notification))
    put(props, "ResourceTags", tag_list(resource))
    return Mapped("AWS::Budgets::Budget", props)


def _number(value: Any) -> Any:
    """``limit_amount`` is a string in Terraform, a number in CloudFormation."""
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return value
    return value


def _notification(block: Mapping[str, Any]) -> dict[str, Any]:
    notification = renamed(
        block,
        {
            "comparison_operator": "ComparisonOperator",
            "threshold": "Threshold",
            "threshold_type": "ThresholdType",
            "notification_type": "NotificationType",
        },
    )
    subscribers: list[Any] = []
    for tf_name, kind in (
        ("subscriber_email_addresses", "EMAIL"),
        ("subscriber_sns_topic_arns", "SNS"),
    ):
        addresses = get(block, tf_name)
        if isinstance(addresses, (Unknown, Text)):
            subscribers.append({"SubscriptionType": kind, "Address": addresses})
        elif isinstance(addresses, list):
            subscribers.extend({"SubscriptionType": kind, "Address": a} for a in addresses)
    return {"Notification": notification, "Subscribers": subscribers}
