"""Checks on SQS queue encryption and queue policies (catalogue: ``catalog/sqs.yaml``).

Queue policies are read with the helpers of ``checks.resource_policy``, which S3 bucket
and SNS topic policies share; what sends to a queue comes from ``checks.sqs``.
"""

from __future__ import annotations

import fnmatch
from typing import Any

from golive.checks.base import Verdict, check, failed, passed, unknown
from golive.checks.resource_policy import (
    doubt,
    key_kind,
    not_public_verdict,
    policies_of,
    resolved,
    signature,
    tls_only_verdict,
)
from golive.checks.sqs import queue_users
from golive.context import Context
from golive.model import Resource
from golive.values import ABSENT, is_true

#: Senders that deliver to a queue as an AWS service principal, not through a role of the
#: account; they need kms:GenerateDataKey in the key policy, which an AWS-managed key
#: (alias/aws/sqs) never grants them.
_SERVICE_SENDERS = ("SNS subscription", "SNS topic", "EventBridge rule", "S3 bucket")
#: The actions a TLS-only deny must cover: sending and receiving messages.
_MESSAGE_ACTIONS = ("sqs:sendmessage", "sqs:receivemessage")


def queue_key(value: Any) -> str | None:
    """The queue name inside a queue URL, ARN or name value."""
    text = signature(value)
    return None if text is None else text.rsplit("/", 1)[-1].rsplit(":", 1)[-1]


def queue_policies(queue: Resource, ctx: Context) -> tuple[list[Resource], str | None]:
    """Queue policies of the stack that apply to ``queue``, and why others might."""
    return policies_of(
        queue,
        ctx,
        "QueueName",
        queue_key,
        ("AWS::SQS::QueuePolicy", "Queues"),
        ("AWS::SQS::QueueInlinePolicy", "Queue"),
    )


@check("sqs.encryption")
def encryption(queue: Resource, ctx: Context) -> Verdict:
    key = resolved(queue, ctx, "KmsMasterKeyId")
    managed_sse = resolved(queue, ctx, "SqsManagedSseEnabled")
    kind = key_kind(key)
    if kind == "unknown" or (kind == "absent" and doubt(managed_sse)):
        reason = doubt(key) or doubt(managed_sse)
        return unknown(f"the queue's encryption is not known: {reason}", "KmsMasterKeyId")
    if kind == "managed":
        _readers, feeders = queue_users(ctx.graph, ctx.facts.resolver)
        services = [f for f in feeders.get(queue.logical_id, []) if f.startswith(_SERVICE_SENDERS)]
        if services:
            return failed(
                f"the AWS-managed key alias/aws/sqs cannot be used by {', '.join(services[:3])}: "
                "their messages never arrive; use a customer-managed key that allows them",
                "KmsMasterKeyId",
            )
        return passed("encrypted with the AWS-managed key alias/aws/sqs", "KmsMasterKeyId")
    if kind == "customer":
        return passed("encrypted with a customer-managed KMS key", "KmsMasterKeyId")
    if managed_sse is not ABSENT and not is_true(managed_sse):
        return failed(
            "SqsManagedSseEnabled false and no KmsMasterKeyId: messages are stored unencrypted",
            "SqsManagedSseEnabled",
        )
    if managed_sse is ABSENT:
        return passed(
            "encrypted with SQS-managed keys (SSE-SQS), the default for queues created since "
            "2022; set SqsManagedSseEnabled to make it explicit",
            "SqsManagedSseEnabled",
        )
    return passed("encrypted with SQS-managed keys (SSE-SQS)", "SqsManagedSseEnabled")


@check("sqs.policy-not-public")
def policy_not_public(queue: Resource, ctx: Context) -> Verdict:
    policies, reason = queue_policies(queue, ctx)
    return not_public_verdict(policies, reason, ctx, "queue")


def _covers(denied: list[str], action: str) -> bool:
    return any(fnmatch.fnmatchcase(action, pattern.lower()) for pattern in denied)


@check("sqs.tls-only")
def tls_only(queue: Resource, ctx: Context) -> Verdict:
    policies, reason = queue_policies(queue, ctx)
    return tls_only_verdict(
        policies,
        reason,
        ctx,
        lambda denied: all(_covers(denied, a) for a in _MESSAGE_ACTIONS),
        "queue",
        requests="requests",
        plain="sent and received",
        still="sending or receiving still works",
    )
