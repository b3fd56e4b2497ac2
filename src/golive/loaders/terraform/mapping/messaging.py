"""SQS queues, SNS topics, EventBridge rules and schedules, Step Functions state machines.

Where Terraform and CloudFormation cut these services differently:

- A queue's or topic's inline ``policy`` argument is, in CloudFormation, a policy resource
  of its own (``AWS::SQS::QueuePolicy``, ``AWS::SNS::TopicPolicy``): it becomes a companion
  named ``<address>/policy``, so the policy checks find it like any other.
- ``aws_sqs_queue_redrive_policy`` and ``aws_cloudwatch_event_target`` are Terraform's split
  resources: the first sets the queue's ``RedrivePolicy``, the second adds one entry to the
  rule's ``Targets``.
- JSON arguments (policies, redrive policies, event patterns, state machine definitions) are
  text in Terraform and data in CloudFormation; ``json_value`` reads them, references and all.
- ``sqs_managed_sse_enabled`` has no provider default: unset, the queue gets what SQS gives
  every new queue (SSE-SQS), exactly as an absent ``SqsManagedSseEnabled`` does, so absent
  stays absent.
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    append_entry,
    converts,
    enabled_disabled,
    get,
    merges,
    name_or_prefix,
    nested,
    put,
    renamed,
    renamed_block,
    shaped_block,
    tag_list,
)
from golive.loaders.terraform.mapping.json_text import json_value
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Reference, Unknown


def _policy(kind: str, key: str, target: Any, document: Any) -> Mapped:
    """A queue's or topic's policy resource, for the one queue or topic ``target`` names."""
    return Mapped(kind, {key: [target], "PolicyDocument": document})


def _inline_policy(owner: TfResource, kind: str, key: str) -> dict[str, Mapped]:
    """The companion policy resource for an inline ``policy`` argument, if one is set."""
    document = json_value(get(owner.attributes, "policy"))
    if document is ABSENT:
        return {}
    return {"policy": _policy(kind, key, Reference(owner.address, "id"), document)}


# -- SQS -----------------------------------------------------------------------------------


@converts("aws_sqs_queue")
def queue(resource: TfResource) -> Mapped:
    """``aws_sqs_queue`` -> ``AWS::SQS::Queue`` (and its inline policy as a companion)."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "fifo_queue": "FifoQueue",
            "content_based_deduplication": "ContentBasedDeduplication",
            "deduplication_scope": "DeduplicationScope",
            "fifo_throughput_limit": "FifoThroughputLimit",
            "kms_master_key_id": "KmsMasterKeyId",
            "kms_data_key_reuse_period_seconds": "KmsDataKeyReusePeriodSeconds",
            "sqs_managed_sse_enabled": "SqsManagedSseEnabled",
            "visibility_timeout_seconds": "VisibilityTimeout",
            "message_retention_seconds": "MessageRetentionPeriod",
            "delay_seconds": "DelaySeconds",
            "max_message_size": "MaximumMessageSize",
            "receive_wait_time_seconds": "ReceiveMessageWaitTimeSeconds",
        },
    )
    put(props, "QueueName", name_or_prefix(attrs, "queue"))
    put(props, "RedrivePolicy", json_value(get(attrs, "redrive_policy")))
    put(props, "RedriveAllowPolicy", json_value(get(attrs, "redrive_allow_policy")))
    put(props, "Tags", tag_list(resource))
    companions = _inline_policy(resource, "AWS::SQS::QueuePolicy", "Queues")
    return Mapped("AWS::SQS::Queue", props, companions)


@converts("aws_sqs_queue_policy")
def queue_policy(resource: TfResource) -> Mapped:
    """``aws_sqs_queue_policy`` -> ``AWS::SQS::QueuePolicy`` for the queue ``queue_url`` names."""
    attrs = resource.attributes
    document = json_value(get(attrs, "policy"))
    return _policy("AWS::SQS::QueuePolicy", "Queues", get(attrs, "queue_url"), document)


@merges("aws_sqs_queue_redrive_policy", into="aws_sqs_queue", via="queue_url")
def queue_redrive_policy(split: TfResource, owner: dict[str, Any]) -> None:
    """``aws_sqs_queue_redrive_policy`` sets the queue's ``RedrivePolicy``."""
    put(owner, "RedrivePolicy", json_value(get(split.attributes, "redrive_policy")))


# -- SNS -----------------------------------------------------------------------------------


@converts("aws_sns_topic")
def topic(resource: TfResource) -> Mapped:
    """``aws_sns_topic`` -> ``AWS::SNS::Topic`` (and its inline policy as a companion).

    A topic's Terraform ``id`` is its ARN, as a CloudFormation ``Ref`` to a topic is, so the
    companion policy names the topic by ``id``.
    """
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "display_name": "DisplayName",
            "kms_master_key_id": "KmsMasterKeyId",
            "fifo_topic": "FifoTopic",
            "content_based_deduplication": "ContentBasedDeduplication",
            "signature_version": "SignatureVersion",
            "tracing_config": "TracingConfig",
        },
    )
    put(props, "TopicName", name_or_prefix(attrs, "topic"))
    put(props, "ArchivePolicy", json_value(get(attrs, "archive_policy")))
    put(props, "Tags", tag_list(resource))
    companions = _inline_policy(resource, "AWS::SNS::TopicPolicy", "Topics")
    return Mapped("AWS::SNS::Topic", props, companions)


@converts("aws_sns_topic_policy")
def topic_policy(resource: TfResource) -> Mapped:
    """``aws_sns_topic_policy`` -> ``AWS::SNS::TopicPolicy`` for the topic ``arn`` names."""
    attrs = resource.attributes
    document = json_value(get(attrs, "policy"))
    return _policy("AWS::SNS::TopicPolicy", "Topics", get(attrs, "arn"), document)


@converts("aws_sns_topic_subscription")
def subscription(resource: TfResource) -> Mapped:
    """``aws_sns_topic_subscription`` -> ``AWS::SNS::Subscription``, redrive policy included."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "topic_arn": "TopicArn",
            "protocol": "Protocol",
            "endpoint": "Endpoint",
            "raw_message_delivery": "RawMessageDelivery",
            "filter_policy_scope": "FilterPolicyScope",
            "subscription_role_arn": "SubscriptionRoleArn",
        },
    )
    for tf_name, cfn_name in (
        ("filter_policy", "FilterPolicy"),
        ("redrive_policy", "RedrivePolicy"),
        ("delivery_policy", "DeliveryPolicy"),
        ("replay_policy", "ReplayPolicy"),
    ):
        put(props, cfn_name, json_value(get(attrs, tf_name)))
    return Mapped("AWS::SNS::Subscription", props)


# -- EventBridge ---------------------------------------------------------------------------


@converts("aws_cloudwatch_event_rule")
def event_rule(resource: TfResource) -> Mapped:
    """``aws_cloudwatch_event_rule`` -> ``AWS::Events::Rule``; targets arrive by merger.

    The deprecated ``is_enabled`` becomes ``State`` when ``state`` is not given.
    """
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "description": "Description",
            "schedule_expression": "ScheduleExpression",
            "event_bus_name": "EventBusName",
            "role_arn": "RoleArn",
            "state": "State",
        },
    )
    put(props, "Name", name_or_prefix(attrs, "rule"))
    put(props, "EventPattern", json_value(get(attrs, "event_pattern")))
    enabled = get(attrs, "is_enabled")
    if "State" not in props and isinstance(enabled, bool):
        props["State"] = enabled_disabled(enabled)
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::Events::Rule", props)


def _retry_policy(attributes: Any) -> Any:
    return renamed_block(
        attributes,
        "retry_policy",
        {
            "maximum_event_age_in_seconds": "MaximumEventAgeInSeconds",
            "maximum_retry_attempts": "MaximumRetryAttempts",
        },
    )


def _ecs_parameters(ecs: dict[str, Any]) -> dict[str, Any]:
    """``ecs_target``/``ecs_parameters``: the task definition and where its tasks run."""
    props = renamed(
        ecs,
        {
            "task_definition_arn": "TaskDefinitionArn",
            "task_count": "TaskCount",
            "launch_type": "LaunchType",
            "platform_version": "PlatformVersion",
            "group": "Group",
        },
    )
    network = nested(ecs, "network_configuration")
    if isinstance(network, dict):
        vpc = renamed(network, {"subnets": "Subnets", "security_groups": "SecurityGroups"})
        put(vpc, "AssignPublicIp", enabled_disabled(get(network, "assign_public_ip")))
        props["NetworkConfiguration"] = {"AwsVpcConfiguration": vpc}
    return props


@merges("aws_cloudwatch_event_target", into="aws_cloudwatch_event_rule", via="rule")
def event_target(split: TfResource, owner: dict[str, Any]) -> None:
    """``aws_cloudwatch_event_target`` adds one entry to the rule's ``Targets``.

    A rule name is unique per event bus only: a target on another bus than the rule that
    has its name (both written literally) is not that rule's.
    """
    attrs = split.attributes
    bus = get(attrs, "event_bus_name")
    own_bus = owner.get("EventBusName", "default")
    if isinstance(bus, str) and isinstance(own_bus, str) and bus != own_bus:
        return
    target = renamed(
        attrs,
        {
            "target_id": "Id",
            "arn": "Arn",
            "role_arn": "RoleArn",
            "input": "Input",
            "input_path": "InputPath",
        },
    )
    put(
        target,
        "InputTransformer",
        renamed_block(
            attrs,
            "input_transformer",
            {"input_paths": "InputPathsMap", "input_template": "InputTemplate"},
        ),
    )
    put(target, "DeadLetterConfig", renamed_block(attrs, "dead_letter_config", {"arn": "Arn"}))
    put(target, "RetryPolicy", _retry_policy(attrs))
    put(target, "EcsParameters", shaped_block(attrs, "ecs_target", _ecs_parameters))
    put(
        target,
        "SqsParameters",
        renamed_block(attrs, "sqs_target", {"message_group_id": "MessageGroupId"}),
    )
    put(
        target,
        "KinesisParameters",
        renamed_block(attrs, "kinesis_target", {"partition_key_path": "PartitionKeyPath"}),
    )
    append_entry(owner, "Targets", target)


@converts("aws_scheduler_schedule")
def schedule(resource: TfResource) -> Mapped:
    """``aws_scheduler_schedule`` -> ``AWS::Scheduler::Schedule`` with its one ``Target``."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "group_name": "GroupName",
            "description": "Description",
            "schedule_expression": "ScheduleExpression",
            "schedule_expression_timezone": "ScheduleExpressionTimezone",
            "state": "State",
            "start_date": "StartDate",
            "end_date": "EndDate",
            "kms_key_arn": "KmsKeyArn",
        },
    )
    put(props, "Name", name_or_prefix(attrs, "schedule"))
    put(
        props,
        "FlexibleTimeWindow",
        renamed_block(
            attrs,
            "flexible_time_window",
            {"mode": "Mode", "maximum_window_in_minutes": "MaximumWindowInMinutes"},
        ),
    )
    found = nested(attrs, "target")
    if isinstance(found, Unknown):
        props["Target"] = found
    elif found is not None:
        target = renamed(found, {"arn": "Arn", "role_arn": "RoleArn", "input": "Input"})
        put(target, "DeadLetterConfig", renamed_block(found, "dead_letter_config", {"arn": "Arn"}))
        put(target, "RetryPolicy", _retry_policy(found))
        put(target, "EcsParameters", shaped_block(found, "ecs_parameters", _ecs_parameters))
        put(
            target,
            "SqsParameters",
            renamed_block(found, "sqs_parameters", {"message_group_id": "MessageGroupId"}),
        )
        props["Target"] = target
    return Mapped("AWS::Scheduler::Schedule", props)


# -- Step Functions ------------------------------------------------------------------------


def _definition(value: Any) -> tuple[str, Any]:
    """``Definition`` when the JSON can be read (references kept), else ``DefinitionString``."""
    document = json_value(value)
    if isinstance(document, (dict, list)):
        return "Definition", document
    return "DefinitionString", document


@converts("aws_sfn_state_machine")
def state_machine(resource: TfResource) -> Mapped:
    """``aws_sfn_state_machine`` -> ``AWS::StepFunctions::StateMachine``.

    ``logging_configuration.log_destination`` (a log group ARN ending in ``:*``) becomes
    the one CloudWatch Logs destination CloudFormation lists.
    """
    attrs = resource.attributes
    props = renamed(attrs, {"role_arn": "RoleArn", "type": "StateMachineType"})
    put(props, "StateMachineName", name_or_prefix(attrs, "state machine"))
    key, definition = _definition(get(attrs, "definition"))
    put(props, key, definition)
    logging = nested(attrs, "logging_configuration")
    if isinstance(logging, Unknown):
        props["LoggingConfiguration"] = logging
    elif logging is not None:
        config = renamed(
            logging, {"level": "Level", "include_execution_data": "IncludeExecutionData"}
        )
        destination = get(logging, "log_destination")
        if destination is not ABSENT and destination != "":
            group = {"CloudWatchLogsLogGroup": {"LogGroupArn": destination}}
            config["Destinations"] = [group]
        props["LoggingConfiguration"] = config
    put(
        props,
        "TracingConfiguration",
        renamed_block(attrs, "tracing_configuration", {"enabled": "Enabled"}),
    )
    put(
        props,
        "EncryptionConfiguration",
        renamed_block(
            attrs,
            "encryption_configuration",
            {
                "type": "Type",
                "kms_key_id": "KmsKeyId",
                "kms_data_key_reuse_period_seconds": "KmsDataKeyReusePeriodSeconds",
            },
        ),
    )
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::StepFunctions::StateMachine", props)
