"""Checks on CloudWatch alarms (catalogue: ``catalog/cloudwatch.yaml``)."""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from golive.alarms import alarm_index, deployed, describe
from golive.checks.base import Verdict, check, failed, passed, unknown
from golive.context import Context
from golive.graph import Graph, references_in
from golive.model import Resource
from golive.per_stack import per_stack
from golive.resolver import Resolver
from golive.values import Reference, Text, is_false

TOPIC = "AWS::SNS::Topic"
#: Resources that deliver what a topic publishes to people or systems.
_SUBSCRIBERS = {
    "AWS::SNS::Subscription": "TopicArn",
    "AWS::Chatbot::SlackChannelConfiguration": "SnsTopicArns",
    "AWS::Chatbot::MicrosoftTeamsChannelConfiguration": "SnsTopicArns",
}


@per_stack
def subscribed_topics(graph: Graph, resolver: Resolver) -> Set[str]:
    """Topics of the stack that something in the stack subscribes to."""
    subscribed = set()
    for topic in deployed(graph, resolver, TOPIC):
        items = resolver.resolve(topic.properties.get("Subscription"))
        if isinstance(items, list) and items:
            subscribed.add(topic.logical_id)
    for resource in deployed(graph, resolver, *_SUBSCRIBERS):
        node = resource.properties.get(_SUBSCRIBERS[resource.type])
        for target, _attribute, _path in references_in(node, graph.stack.resources):
            subscribed.add(target)
    return subscribed


def _has_actions(alarm: Resource, ctx: Context) -> bool:
    actions = ctx.value(alarm, "AlarmActions")
    enabled = ctx.value(alarm, "ActionsEnabled")
    disabled = enabled.known and is_false(enabled.value)
    return not disabled and (actions.unknown or (actions.known and bool(actions.value)))


def _describe_action(action: Any, ctx: Context, subscribed: Set[str]) -> tuple[bool, str]:
    """Whether ``action`` reaches someone, and what it is."""
    if isinstance(action, Text):
        # An ARN written with Fn::Sub around a topic of the stack is that topic.
        topics = [p for p in action.parts if isinstance(p, Reference) and _is_topic(p, ctx)]
        action = topics[0] if topics else action
    if isinstance(action, Reference):
        target = ctx.graph.stack.resources.get(action.logical_id)
        if target is not None and target.type == TOPIC:
            return action.logical_id in subscribed, f"SNS topic {action.logical_id}"
        kind = target.type if target is not None else "resource"
        return True, f"{kind} {action.logical_id}"
    if isinstance(action, str):
        return True, action
    return True, "an action from outside the stack"


def _is_topic(reference: Reference, ctx: Context) -> bool:
    target = ctx.graph.stack.resources.get(reference.logical_id)
    return target is not None and target.type == TOPIC


@check("cloudwatch.alarm-actions")
def alarm_actions(alarm: Resource, ctx: Context) -> Verdict:
    enabled = ctx.value(alarm, "ActionsEnabled")
    if enabled.unknown:
        return unknown(f"whether actions are enabled is not known: {enabled.reason}")
    if enabled.known and is_false(enabled.value):
        return failed(
            "ActionsEnabled is false: the alarm changes state and nobody is told",
            "ActionsEnabled",
        )
    actions = ctx.value(alarm, "AlarmActions")
    if actions.unknown:
        return unknown(f"the alarm actions are not known: {actions.reason}", "AlarmActions")
    items = actions.value if actions.known and isinstance(actions.value, list) else []
    if not items:
        index = alarm_index(ctx.graph, ctx.facts.resolver)
        resources = ctx.graph.stack.resources
        parents = sorted(
            p for p in index.composites_over(alarm.logical_id) if _has_actions(resources[p], ctx)
        )
        if parents:
            return passed(f"notifies through composite alarm {describe(parents)}")
        return failed("no AlarmActions: the alarm changes state and nobody is told", "AlarmActions")
    subscribed = subscribed_topics(ctx.graph, ctx.facts.resolver)
    described = [_describe_action(a, ctx, subscribed) for a in items]
    reaching = [text for reaches, text in described if reaches]
    if reaching:
        return passed(f"acts through {describe(reaching)}", "AlarmActions")
    silent = [text for _, text in described]
    return failed(
        f"its only actions publish to {describe(silent)}, which nothing in this stack "
        "subscribes to: the alarm reaches nobody unless someone subscribed by hand",
        "AlarmActions",
    )
