"""Checks on Lambda event source mappings (catalogue: ``catalog/lambda.yaml``).

Kept apart from ``awslambda.py``, whose checks judge functions, because these judge the
mapping between a function and the stream it polls.
"""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.context import Context, Value
from golive.model import Resource
from golive.values import Reference, Text, Unknown, is_true

#: Sources whose failed batches can go to an on-failure destination, by resource type.
_STREAMS = {
    "AWS::Kinesis::Stream": "Kinesis stream",
    "AWS::Kinesis::StreamConsumer": "Kinesis stream",
    "AWS::DynamoDB::Table": "DynamoDB stream",
    "AWS::DynamoDB::GlobalTable": "DynamoDB stream",
    "AWS::MSK::Cluster": "MSK cluster",
    "AWS::MSK::ServerlessCluster": "MSK cluster",
}
#: Sources with their own failure handling, where Lambda offers no on-failure destination.
_OTHERS = {
    "AWS::SQS::Queue": "SQS queue",
    "AWS::AmazonMQ::Broker": "Amazon MQ broker",
    "AWS::DocDB::DBCluster": "DocumentDB change stream",
}
#: The same, recognised by the service in an ARN written out.
_ARN_SERVICES = {
    ":kinesis:": "Kinesis stream",
    ":dynamodb:": "DynamoDB stream",
    ":kafka:": "MSK cluster",
    ":sqs:": "SQS queue",
    ":mq:": "Amazon MQ broker",
    ":rds:": "DocumentDB change stream",
}
_STREAM_KINDS = frozenset(_STREAMS.values())


def _source(mapping: Resource, ctx: Context) -> str | Unknown:
    """What the mapping polls, as a kind ("Kinesis stream"), or why that is not known."""
    if "SelfManagedEventSource" in mapping.properties:
        return "self-managed Kafka"
    arn = ctx.resolver.resolve(mapping.properties.get("EventSourceArn"))
    if isinstance(arn, Reference):
        target = ctx.graph.stack.resources.get(arn.logical_id)
        kind = target.type if target is not None else ""
        return _STREAMS.get(kind) or _OTHERS.get(kind) or Unknown(f"polls {kind}")
    literal = arn.literal("") if isinstance(arn, Text) else arn
    if isinstance(literal, str):
        for marker, kind in _ARN_SERVICES.items():
            if marker in literal:
                return kind
    reason = arn.reason if isinstance(arn, (Unknown, Text)) else "an unrecognised ARN"
    return Unknown(f"the source is not known: {reason}")


def _bound(value: Value) -> int | None:
    """A retry or age limit that is set and not -1 (infinite)."""
    if not value.known:
        return None
    try:
        number = int(value.value)
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None


@check("lambda.stream-failure-destination")
def stream_failure_destination(mapping: Resource, ctx: Context) -> Verdict:
    kind = _source(mapping, ctx)
    if isinstance(kind, Unknown):
        return unknown(kind.reason, "EventSourceArn")
    if kind == "SQS queue":
        return not_applicable(
            "polls an SQS queue: failed messages return to the queue, and its redrive "
            "policy moves them to a dead-letter queue"
        )
    if kind not in _STREAM_KINDS and kind != "self-managed Kafka":
        return not_applicable(
            f"the source is a {kind}, which keeps failed messages itself: Lambda offers no "
            "on-failure destination for it"
        )
    destination = ctx.value(mapping, "DestinationConfig.OnFailure.Destination")
    retries = ctx.value(mapping, "MaximumRetryAttempts")
    age = ctx.value(mapping, "MaximumRecordAgeInSeconds")
    problems = []
    if destination.absent:
        problems.append("no on-failure destination: records that fail are dropped unseen")
    bounded = _bound(retries) is not None or _bound(age) is not None
    if not bounded and not (retries.unknown or age.unknown):
        bisect = ctx.value(mapping, "BisectBatchOnFunctionError")
        note = (
            " (BisectBatchOnFunctionError isolates the bad record but does not stop the retries)"
            if bisect.known and is_true(bisect.value)
            else ""
        )
        problems.append(
            "unbounded retries (MaximumRetryAttempts and MaximumRecordAgeInSeconds unset "
            f"or -1): one bad record blocks its shard until it expires{note}"
        )
    if problems:
        return failed(f"{kind} source with " + "; ".join(problems), "DestinationConfig")
    if not bounded:
        reason = retries.reason or age.reason
        return unknown(f"the retry limit is not known: {reason}", "MaximumRetryAttempts")
    if destination.unknown:
        return passed(f"failed records of the {kind} go to an on-failure destination")
    limits = []
    if _bound(retries) is not None:
        limits.append(f"{_bound(retries)} retries")
    if _bound(age) is not None:
        limits.append(f"records up to {_bound(age)} s old")
    return passed(
        f"failed records of the {kind} go to an on-failure destination after "
        + " or ".join(limits),
        "DestinationConfig",
    )
