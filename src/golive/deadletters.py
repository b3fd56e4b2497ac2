"""Where failures go: the dead-letter queues and on-failure destinations of a stack.

A queue (or topic) is a dead-letter target when something sends what it could not handle
there: another queue's redrive policy, a function's ``DeadLetterConfig``, an asynchronous
invocation's or an event source mapping's on-failure destination, an EventBridge rule
target's or schedule's ``DeadLetterConfig``, an SNS subscription's redrive policy, a pipe's
source dead-letter config. Built in one pass over the stack.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from golive.graph import Graph, references_in
from golive.model import Resource
from golive.per_stack import per_stack
from golive.resolver import Resolver
from golive.values import node_at


@dataclass(frozen=True)
class DeadLetterUse:
    """``source`` sends its failures to the target, as ``via`` says."""

    source: str
    via: str

    def describe(self) -> str:
        return f"{self.via} of {self.source}"


def _redrive_target(policy: Any) -> Any:
    """``deadLetterTargetArn`` of a redrive policy written as a mapping or a JSON string."""
    if isinstance(policy, str):
        try:
            policy = json.loads(policy)
        except ValueError:
            return None
    return node_at(policy, "deadLetterTargetArn")


Finder = Callable[[Resource], Iterator[tuple[Any, str]]]


def _redriven(resource: Resource) -> Iterator[tuple[Any, str]]:
    yield _redrive_target(resource.properties.get("RedrivePolicy")), "redrive policy"


def _function(resource: Resource) -> Iterator[tuple[Any, str]]:
    yield node_at(resource.properties, "DeadLetterConfig", "TargetArn"), "dead-letter queue"


def _on_failure(resource: Resource) -> Iterator[tuple[Any, str]]:
    destination = node_at(resource.properties, "DestinationConfig", "OnFailure", "Destination")
    yield destination, "on-failure destination"


def _rule(resource: Resource) -> Iterator[tuple[Any, str]]:
    targets = resource.properties.get("Targets")
    for target in targets if isinstance(targets, list) else []:
        yield node_at(target, "DeadLetterConfig", "Arn"), "target dead-letter queue"


def _schedule(resource: Resource) -> Iterator[tuple[Any, str]]:
    yield node_at(resource.properties, "Target", "DeadLetterConfig", "Arn"), "dead-letter queue"


def _pipe(resource: Resource) -> Iterator[tuple[Any, str]]:
    source = resource.properties.get("SourceParameters")
    for kind in ("KinesisStreamParameters", "DynamoDBStreamParameters"):
        yield node_at(source, kind, "DeadLetterConfig", "Arn"), "dead-letter queue"


_FINDERS: dict[str, Finder] = {
    "AWS::SQS::Queue": _redriven,
    "AWS::SNS::Subscription": _redriven,
    "AWS::Lambda::Function": _function,
    "AWS::Lambda::EventInvokeConfig": _on_failure,
    "AWS::Lambda::EventSourceMapping": _on_failure,
    "AWS::Events::Rule": _rule,
    "AWS::Scheduler::Schedule": _schedule,
    "AWS::Pipes::Pipe": _pipe,
}


@per_stack
def dead_letter_index(graph: Graph, _: Resolver) -> Mapping[str, tuple[DeadLetterUse, ...]]:
    """Logical id of each dead-letter target -> who sends failures there."""
    found: dict[str, set[DeadLetterUse]] = defaultdict(set)
    names = graph.stack.resources
    for resource in names.values():
        finder = _FINDERS.get(resource.type)
        if finder is None:
            continue
        for node, via in finder(resource):
            for target, _attribute, _path in references_in(node, names):
                if target != resource.logical_id:
                    found[target].add(DeadLetterUse(resource.logical_id, via))
    return {
        target: tuple(sorted(uses, key=lambda u: (u.source, u.via)))
        for target, uses in found.items()
    }
