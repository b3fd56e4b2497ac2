"""Checks on SNS topics (catalogue: ``catalog/sns.yaml``)."""

from __future__ import annotations

from typing import Any

from golive.checks.base import Verdict, check, failed, passed, unknown
from golive.checks.resource_policy import (
    covers_all,
    doubt,
    key_kind,
    not_public_verdict,
    policies_of,
    resolved,
    signature,
    tls_only_verdict,
)
from golive.context import Context
from golive.model import Resource

TOPIC = "AWS::SNS::Topic"

#: Properties through which AWS services publish to a topic as themselves (not through a role
#: of the account), so they need kms:GenerateDataKey granted in the topic key's policy.
_SERVICE_PUBLISHERS = {
    "AWS::CloudWatch::Alarm": ("AlarmActions", "OKActions", "InsufficientDataActions"),
    "AWS::CloudWatch::CompositeAlarm": ("AlarmActions", "OKActions", "InsufficientDataActions"),
    "AWS::Events::Rule": ("Targets",),
    "AWS::S3::Bucket": ("NotificationConfiguration",),
    "AWS::CloudTrail::Trail": ("SnsTopicName",),
    "AWS::Budgets::Budget": ("NotificationsWithSubscribers",),
    "AWS::CodeStarNotifications::NotificationRule": ("Targets",),
    "AWS::RDS::EventSubscription": ("SnsTopicArn",),
}


def topic_key(value: Any) -> str | None:
    """The topic name inside a name or ARN value."""
    text = signature(value)
    return None if text is None else text.rsplit(":", 1)[-1]


def topic_policies(topic: Resource, ctx: Context) -> tuple[list[Resource], str | None]:
    """Topic policies of the stack that apply to ``topic``, and why others might."""
    return policies_of(
        topic,
        ctx,
        "TopicName",
        topic_key,
        ("AWS::SNS::TopicPolicy", "Topics"),
        ("AWS::SNS::TopicInlinePolicy", "TopicArn"),
    )


def _service_publishers(topic: Resource, ctx: Context) -> list[str]:
    found = []
    for edge in ctx.graph.incoming.get(topic.logical_id, ()):
        source = ctx.graph.stack.resources.get(edge.source)
        props = _SERVICE_PUBLISHERS.get(source.type, ()) if source else ()
        if source and len(edge.path) > 1 and edge.path[1] in props:
            found.append(f"{source.type.split('::')[-1]} {source.logical_id}")
    return sorted(set(found))


@check("sns.encryption")
def encryption(topic: Resource, ctx: Context) -> Verdict:
    key = resolved(topic, ctx, "KmsMasterKeyId")
    kind = key_kind(key)
    if kind == "absent":
        return failed(
            "no KmsMasterKeyId: messages wait for delivery without KMS encryption",
            "KmsMasterKeyId",
        )
    if kind == "unknown":
        return unknown(f"the KMS key is not known: {doubt(key)}", "KmsMasterKeyId")
    if kind == "managed":
        publishers = _service_publishers(topic, ctx)
        if publishers:
            return failed(
                f"the AWS-managed key alias/aws/sns cannot be used by {', '.join(publishers[:3])}: "
                "their notifications are dropped; use a customer-managed key that allows them",
                "KmsMasterKeyId",
            )
        return passed("encrypted with the AWS-managed key alias/aws/sns", "KmsMasterKeyId")
    return passed("encrypted with a customer-managed KMS key", "KmsMasterKeyId")


@check("sns.policy-not-public")
def policy_not_public(topic: Resource, ctx: Context) -> Verdict:
    policies, reason = topic_policies(topic, ctx)
    return not_public_verdict(policies, reason, ctx, "topic")


@check("sns.tls-only")
def tls_only(topic: Resource, ctx: Context) -> Verdict:
    policies, reason = topic_policies(topic, ctx)
    return tls_only_verdict(
        policies,
        reason,
        ctx,
        lambda denied: covers_all(denied, "sns") or "sns:publish" in (a.lower() for a in denied),
        "topic",
        requests="publishing",
        plain="published",
        still="sns:Publish still works",
    )
