"""Account guardrails, for stacks that define them: CloudTrail, Config, GuardDuty, Security Hub,
Budgets (catalogues: ``cloudtrail.yaml``, ``config.yaml``, ``guardduty.yaml``,
``securityhub.yaml``, ``budgets.yaml``).
"""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, passed, required, switch, unknown
from golive.checks.resource_policy import named
from golive.context import Context
from golive.graph import Graph
from golive.model import Resource
from golive.per_stack import per_stack, split_by_reading
from golive.resolver import Resolver
from golive.values import ABSENT, is_true


@check("cloudtrail.multi-region")
def trail_multi_region(trail: Resource, ctx: Context) -> Verdict:
    return switch(
        ctx.value(trail, "IsMultiRegionTrail"),
        "IsMultiRegionTrail",
        on="records API activity in every region",
        off="records only the region it is created in: activity elsewhere leaves no trail",
    )


@check("cloudtrail.log-file-validation")
def trail_log_file_validation(trail: Resource, ctx: Context) -> Verdict:
    return switch(
        ctx.value(trail, "EnableLogFileValidation"),
        "EnableLogFileValidation",
        on="writes signed digest files that prove the logs are unchanged",
        off="no log file validation: a modified or deleted log file cannot be detected",
    )


@check("cloudtrail.encryption")
def trail_encryption(trail: Resource, ctx: Context) -> Verdict:
    return required(
        named(trail, ctx, "KMSKeyId"),
        "KMSKeyId",
        what="the key",
        present="log files encrypted with a KMS key (KMSKeyId)",
        missing="no KMSKeyId: log files are encrypted only with S3-managed keys, so anyone "
        "who can read the bucket can read the trail",
    )


@check("cloudtrail.cloudwatch-logs")
def trail_cloudwatch_logs(trail: Resource, ctx: Context) -> Verdict:
    missing = []
    for prop in ("CloudWatchLogsLogGroupArn", "CloudWatchLogsRoleArn"):
        value = named(trail, ctx, prop)
        if value.unknown:
            return unknown(f"{prop} is not known: {value.reason}", prop)
        if value.absent or value.value == "":
            missing.append(prop)
    if missing:
        return failed(
            "not delivered to CloudWatch Logs (no " + " or ".join(missing) + "): no metric "
            "filter or alarm can react to what the trail records",
            missing[0],
        )
    return passed("delivered to a CloudWatch Logs log group", "CloudWatchLogsLogGroupArn")


@check("config.record-all")
def config_record_all(recorder: Resource, ctx: Context) -> Verdict:
    strategy = ctx.value(recorder, "RecordingGroup.RecordingStrategy.UseOnly")
    if strategy.unknown:
        return unknown(f"the recording strategy is not known: {strategy.reason}", "RecordingGroup")
    if strategy.known and str(strategy.value).upper() != "ALL_SUPPORTED_RESOURCE_TYPES":
        return failed(
            f"recording strategy {strategy.value}: changes to the types left out go unrecorded",
            "RecordingGroup",
        )
    listed = ctx.value(recorder, "RecordingGroup.ResourceTypes")
    every = ctx.value(recorder, "RecordingGroup.AllSupported")
    if every.unknown:
        return unknown(f"AllSupported is not known: {every.reason}", "RecordingGroup")
    all_supported = is_true(every.value) if every.known else not (listed.known and listed.value)
    if not all_supported:
        return failed(
            "records only the listed resource types: changes to anything else go unrecorded",
            "RecordingGroup",
        )
    global_types = ctx.value(recorder, "RecordingGroup.IncludeGlobalResourceTypes")
    if global_types.unknown:
        return unknown(
            f"whether global IAM types are recorded is not known: {global_types.reason}",
            "RecordingGroup",
        )
    if not (global_types.known and is_true(global_types.value)):
        return failed(
            "records every regional type but not the global IAM types (users, groups, roles, "
            "policies): unless a recorder in another region records them, IAM changes go "
            "unrecorded",
            "RecordingGroup",
        )
    return passed("records all supported resource types, global IAM types included")


@check("guardduty.enabled")
def guardduty_enabled(detector: Resource, ctx: Context) -> Verdict:
    return switch(
        ctx.value(detector, "Enable"),
        "Enable",
        on="the detector is enabled",
        off="the detector is created disabled: no threat findings are produced",
    )


@check("securityhub.standards")
def securityhub_standards(hub: Resource, ctx: Context) -> Verdict:
    standards = sorted(r.logical_id for r in ctx.graph.of_type("AWS::SecurityHub::Standard"))
    if standards:
        return passed("standards enabled in this stack: " + ", ".join(standards[:3]))
    policies = [
        r.logical_id
        for r in ctx.graph.of_type("AWS::SecurityHub::ConfigurationPolicy")
        if not ctx.value(r, "ConfigurationPolicy.SecurityHub.EnabledStandardIdentifiers").absent
    ]
    if policies:
        return passed("standards enabled by configuration policy " + ", ".join(policies[:3]))
    default = ctx.value(hub, "EnableDefaultStandards")
    if default.unknown:
        return unknown(
            f"EnableDefaultStandards is not known: {default.reason}", "EnableDefaultStandards"
        )
    if default.known and not is_true(default.value):
        return failed(
            "EnableDefaultStandards is false and the stack enables no standard: Security Hub "
            "runs no security checks",
            "EnableDefaultStandards",
        )
    return passed(
        "the default standards (AWS Foundational Security Best Practices, CIS) are enabled",
        "EnableDefaultStandards",
    )


@check("budgets.notifications")
def budgets_notifications(budget: Resource, ctx: Context) -> Verdict:
    notifications = ctx.value(budget, "NotificationsWithSubscribers")
    if notifications.unknown:
        return unknown(
            f"the notifications are not known: {notifications.reason}",
            "NotificationsWithSubscribers",
        )
    entries = notifications.value if notifications.known else []
    subscribed = [
        n for n in entries if isinstance(n, dict) and n.get("Subscribers") and n.get("Notification")
    ]
    if subscribed:
        count = len(subscribed)
        return passed(
            f"{count} notification{'' if count == 1 else 's'} with subscribers",
            "NotificationsWithSubscribers",
        )
    alarms = _billing_alarms(ctx)
    if alarms:
        return passed(
            "no notifications of its own; billing alarm " + ", ".join(alarms) + " alerts on charges"
        )
    return failed(
        "no notification with subscribers: spending can pass the budget without anyone hearing",
        "NotificationsWithSubscribers",
    )


def _billing_alarms(ctx: Context) -> list[str]:
    """The first three alarms (by id) on the AWS/Billing namespace that notify someone."""
    certain, unread = billing_alarms(ctx.graph, ctx.facts.resolver)
    found = [a.logical_id for a in unread if _on_billing(a, ctx.resolver)]
    return sorted([*certain[:3], *found])[:3]


def _on_billing(alarm: Resource, resolver: Resolver) -> bool:
    """Whether ``alarm`` watches the AWS/Billing namespace and has actions (read or not)."""
    namespace = resolver.resolve(alarm.properties.get("Namespace"))
    actions = resolver.resolve(alarm.properties.get("AlarmActions"))
    return namespace == "AWS/Billing" and actions is not ABSENT and actions is not None


@per_stack
def billing_alarms(graph: Graph, resolver: Resolver) -> tuple[list[str], list[Resource]]:
    """Billing alarms of the stack (ids, sorted), and the alarms to read with each budget's
    own context (``split_by_reading``). Every budget without notifications of its own looks
    for billing alarms; reading every alarm for every budget made that quadratic."""
    read, unread = split_by_reading(
        graph.of_type("AWS::CloudWatch::Alarm"), resolver, "Namespace", "AlarmActions"
    )
    return sorted(a.logical_id for a in read if _on_billing(a, resolver)), unread
