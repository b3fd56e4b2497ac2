"""CloudWatch: log groups, subscription filters, metric alarms and composite alarms.

- ``retention_in_days = 0`` is Terraform's (and the provider's default) "never expire":
  CloudFormation says the same with no ``RetentionInDays``, so 0 becomes absent.
- A Terraform alarm's ``dimensions`` is a map; CloudFormation lists ``{Name, Value}``.
  Metric math (``metric_query`` blocks) becomes ``Metrics``, each ``metric`` block a
  ``MetricStat``, so the alarm index sees every metric the expression reads.
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    converts,
    get,
    name_or_prefix,
    nested,
    put,
    renamed,
    tag_list,
)
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Reference, Text, Unknown


@converts("aws_cloudwatch_log_group")
def log_group(resource: TfResource) -> Mapped:
    """``aws_cloudwatch_log_group`` -> ``AWS::Logs::LogGroup``."""
    attrs = resource.attributes
    props = renamed(attrs, {"kms_key_id": "KmsKeyId", "log_group_class": "LogGroupClass"})
    put(props, "LogGroupName", name_or_prefix(attrs, "log group"))
    retention = get(attrs, "retention_in_days")
    put(props, "RetentionInDays", ABSENT if retention in (0, "0") else retention)
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::Logs::LogGroup", props)


@converts("aws_cloudwatch_log_subscription_filter")
def subscription_filter(resource: TfResource) -> Mapped:
    """``aws_cloudwatch_log_subscription_filter`` -> ``AWS::Logs::SubscriptionFilter``."""
    props = renamed(
        resource.attributes,
        {
            "name": "FilterName",
            "log_group_name": "LogGroupName",
            "filter_pattern": "FilterPattern",
            "destination_arn": "DestinationArn",
            "role_arn": "RoleArn",
            "distribution": "Distribution",
        },
    )
    return Mapped("AWS::Logs::SubscriptionFilter", props)


def dimensions(value: Any) -> Any:
    """A ``dimensions`` map as CloudFormation's ``[{Name, Value}]``; unknown maps kept."""
    if value is ABSENT or isinstance(value, (Unknown, Text, Reference)):
        return value
    if isinstance(value, dict):
        return [{"Name": name, "Value": item} for name, item in value.items()] or ABSENT
    return Unknown("the alarm's dimensions are not a map")


_ACTIONS = {
    "alarm_name": "AlarmName",
    "alarm_description": "AlarmDescription",
    "actions_enabled": "ActionsEnabled",
    "alarm_actions": "AlarmActions",
    "ok_actions": "OKActions",
    "insufficient_data_actions": "InsufficientDataActions",
}


def _metric_query(query: dict[str, Any]) -> dict[str, Any]:
    item = renamed(
        query,
        {
            "id": "Id",
            "expression": "Expression",
            "label": "Label",
            "return_data": "ReturnData",
            "period": "Period",
            "account_id": "AccountId",
        },
    )
    metric = nested(query, "metric")
    if isinstance(metric, Unknown):
        item["MetricStat"] = metric
    elif metric is not None:
        watched = renamed(metric, {"namespace": "Namespace", "metric_name": "MetricName"})
        put(watched, "Dimensions", dimensions(get(metric, "dimensions")))
        stat = renamed(metric, {"period": "Period", "stat": "Stat", "unit": "Unit"})
        item["MetricStat"] = {"Metric": watched, **stat}
    return item


def _metrics(attributes: Any) -> Any:
    value = attributes.get("metric_query")
    if isinstance(value, (Unknown, Text, Reference)):
        return Unknown("the alarm's metric queries are known only after apply")
    items = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
    if any(isinstance(item, Unknown) for item in items):
        return Unknown("the alarm's metric queries are known only after apply")
    return [_metric_query(item) for item in items if isinstance(item, dict)] or None


@converts("aws_cloudwatch_metric_alarm")
def metric_alarm(resource: TfResource) -> Mapped:
    """``aws_cloudwatch_metric_alarm`` -> ``AWS::CloudWatch::Alarm``.

    ``actions_enabled`` defaults to true in the provider as in CloudFormation: unset, it
    stays unset.
    """
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            **_ACTIONS,
            "comparison_operator": "ComparisonOperator",
            "evaluation_periods": "EvaluationPeriods",
            "datapoints_to_alarm": "DatapointsToAlarm",
            "threshold": "Threshold",
            "threshold_metric_id": "ThresholdMetricId",
            "treat_missing_data": "TreatMissingData",
            "namespace": "Namespace",
            "metric_name": "MetricName",
            "statistic": "Statistic",
            "extended_statistic": "ExtendedStatistic",
            "period": "Period",
            "unit": "Unit",
            "evaluate_low_sample_count_percentiles": "EvaluateLowSampleCountPercentile",
        },
    )
    put(props, "Dimensions", dimensions(get(attrs, "dimensions")))
    put(props, "Metrics", _metrics(attrs))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::CloudWatch::Alarm", props)


@converts("aws_cloudwatch_composite_alarm")
def composite_alarm(resource: TfResource) -> Mapped:
    """``aws_cloudwatch_composite_alarm`` -> ``AWS::CloudWatch::CompositeAlarm``.

    Its ``alarm_rule`` usually interpolates the child alarms' names
    (``ALARM(${aws_cloudwatch_metric_alarm.errors.alarm_name})``); those references stay,
    so the alarm index finds the children by reference.
    """
    attrs = resource.attributes
    props = renamed(attrs, {**_ACTIONS, "alarm_rule": "AlarmRule"})
    suppressor = nested(attrs, "actions_suppressor")
    if isinstance(suppressor, dict):
        put(props, "ActionsSuppressor", get(suppressor, "alarm"))
        put(props, "ActionsSuppressorExtensionPeriod", get(suppressor, "extension_period"))
        put(props, "ActionsSuppressorWaitPeriod", get(suppressor, "wait_period"))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::CloudWatch::CompositeAlarm", props)
