"""Checks on SQS queues (catalogue: ``catalog/sqs.yaml``).

Who uses a queue decides what it needs. A queue something reads from or sends work to
needs a redrive policy, so a message that keeps failing is set aside instead of being
received again and again until it expires. A queue that is itself where failures go needs
an alarm, because nothing else tells anyone that it is filling.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any

from golive.alarms import Metric, names_of
from golive.checks.alarm_coverage import watched
from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.context import Context
from golive.deadletters import DeadLetterUse, dead_letter_index
from golive.graph import Graph, references_in
from golive.model import Resource
from golive.per_stack import per_stack
from golive.resolver import Resolver
from golive.values import node_at

QUEUE = "AWS::SQS::Queue"
_RECEIVE = frozenset({"*", "sqs:*", "sqs:receivemessage", "sqs:receive*"})
_IAM = ("AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")


def _list(node: Any) -> list[Any]:
    return node if isinstance(node, list) else [node] if node is not None else []


def _readers(resource: Resource, resolver: Resolver) -> Iterator[tuple[Any, str]]:
    """Nodes of ``resource`` that name a queue it reads from, with how it reads."""
    props = resource.properties
    if resource.type == "AWS::Lambda::EventSourceMapping":
        yield props.get("EventSourceArn"), f"event source mapping {resource.logical_id}"
    elif resource.type == "AWS::Pipes::Pipe":
        yield props.get("Source"), f"pipe {resource.logical_id}"
    elif resource.type in _IAM:
        documents = (
            [node_at(p, "PolicyDocument") for p in _list(props.get("Policies"))]
            if resource.type == "AWS::IAM::Role"
            else [props.get("PolicyDocument")]
        )
        for document in documents:
            for statement in _list(node_at(document, "Statement")):
                if not isinstance(statement, dict) or statement.get("Effect") != "Allow":
                    continue
                actions = resolver.resolve(statement.get("Action"))
                if any(isinstance(a, str) and a.lower() in _RECEIVE for a in _list(actions)):
                    yield statement.get("Resource"), f"{resource.logical_id} (sqs:ReceiveMessage)"


def _feeders(resource: Resource, resolver: Resolver) -> Iterator[tuple[Any, str]]:
    """Nodes of ``resource`` that name a queue it sends messages to."""
    props = resource.properties
    if resource.type == "AWS::SNS::Subscription":
        if resolver.resolve(props.get("Protocol")) == "sqs":
            yield props.get("Endpoint"), f"SNS subscription {resource.logical_id}"
    elif resource.type == "AWS::SNS::Topic":
        for item in _list(props.get("Subscription")):
            if isinstance(item, dict) and resolver.resolve(item.get("Protocol")) == "sqs":
                yield item.get("Endpoint"), f"SNS topic {resource.logical_id}"
    elif resource.type == "AWS::Events::Rule":
        for target in _list(props.get("Targets")):
            yield node_at(target, "Arn"), f"EventBridge rule {resource.logical_id}"
    elif resource.type == "AWS::S3::Bucket":
        configs = node_at(props.get("NotificationConfiguration"), "QueueConfigurations")
        for item in _list(configs):
            yield node_at(item, "Queue"), f"S3 bucket {resource.logical_id}"
    elif resource.type == "AWS::Scheduler::Schedule":
        yield node_at(props.get("Target"), "Arn"), f"schedule {resource.logical_id}"
    elif resource.type == "AWS::Pipes::Pipe":
        yield props.get("Target"), f"pipe {resource.logical_id}"


@per_stack
def queue_users(
    graph: Graph, resolver: Resolver
) -> tuple[Mapping[str, list[str]], Mapping[str, list[str]]]:
    """Queue id -> what reads from it, and queue id -> what sends to it."""
    readers: dict[str, list[str]] = defaultdict(list)
    feeders: dict[str, list[str]] = defaultdict(list)
    resources = graph.stack.resources
    for resource in resources.values():
        for found, finder in ((readers, _readers), (feeders, _feeders)):
            for node, how in finder(resource, resolver):
                for target, _attribute, _path in references_in(node, resources):
                    if resources[target].type == QUEUE and how not in found[target]:
                        found[target].append(how)
    return readers, feeders


def _names(items: list[str]) -> str:
    return ", ".join(items[:3]) + (f" and {len(items) - 3} more" if len(items) > 3 else "")


def _uses(queue: Resource, ctx: Context) -> tuple[DeadLetterUse, ...]:
    index = dead_letter_index(ctx.graph, ctx.facts.resolver)
    return index.get(queue.logical_id, ())


def _max_receives(policy: Any) -> Any:
    if isinstance(policy, str):
        try:
            policy = json.loads(policy)
        except ValueError:
            return None
    return policy.get("maxReceiveCount") if isinstance(policy, dict) else None


@check("sqs.redrive-policy")
def redrive_policy(queue: Resource, ctx: Context) -> Verdict:
    uses = _uses(queue, ctx)
    if uses:
        return not_applicable(
            f"a dead-letter queue itself ({_names([u.describe() for u in uses])}): "
            "it is where failures end"
        )
    policy = ctx.value(queue, "RedrivePolicy")
    if policy.unknown:
        return unknown(f"the redrive policy is not known: {policy.reason}", "RedrivePolicy")
    if policy.known:
        receives = _max_receives(policy.value)
        after = f" after {receives} receives" if receives is not None else ""
        return passed(f"messages that keep failing move to a dead-letter queue{after}")
    readers, feeders = queue_users(ctx.graph, ctx.facts.resolver)
    poison = (
        "a message that keeps failing is received again and again until its retention "
        "period ends, then lost"
    )
    if readers.get(queue.logical_id):
        return failed(
            f"read by {_names(readers[queue.logical_id])} with no redrive policy: {poison}",
            "RedrivePolicy",
        )
    if feeders.get(queue.logical_id):
        return failed(
            f"receives work from {_names(feeders[queue.logical_id])} with no redrive "
            f"policy: {poison}",
            "RedrivePolicy",
        )
    return unknown(
        "nothing in this template reads from or sends to the queue; if a consumer outside "
        "it processes messages, give the queue a redrive policy",
        "RedrivePolicy",
    )


@check("sqs.dlq-alarm")
def dlq_alarm(queue: Resource, ctx: Context) -> Verdict:
    uses = _uses(queue, ctx)
    if not uses:
        return not_applicable("not a dead-letter queue: nothing in this stack sends failures here")
    names = frozenset({"ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage"})
    ids = names_of(queue, ctx.resolver, "QueueName", attribute="QueueName")
    return watched(
        ctx,
        [Metric("AWS/SQS", names, {"QueueName": ids})],
        "messages waiting",
        f"a dead-letter queue ({_names([u.describe() for u in uses])}) that no alarm "
        "watches: failures pile up unseen until they expire",
    )
