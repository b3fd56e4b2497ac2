"""Which log group of a stack each Lambda function writes to.

Lambda writes to ``/aws/lambda/<function name>`` unless ``LoggingConfig.LogGroup`` names
another group, and creates the group on first invocation when it does not exist: with no
retention and no key of yours. A stack manages the group when it declares one by that
name, written literally, with ``Fn::Sub``/``Fn::Join`` around the function's ``Ref``, or
with the same expression as the function's ``FunctionName``. Names are compared as parts
(``golive.alarms.parts``), so no expression is evaluated twice. Built in one pass.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from golive.alarms import Parts, deployed, names_of, parts
from golive.graph import Graph
from golive.model import Resource
from golive.per_stack import per_stack
from golive.resolver import Resolver
from golive.values import Unknown

PREFIX = "/aws/lambda/"
LOG_GROUP = "AWS::Logs::LogGroup"
#: CDK's logRetention: a custom resource that sets retention on the group Lambda creates.
LOG_RETENTION = "Custom::LogRetention"
FUNCTION = "AWS::Lambda::Function"


@dataclass
class LogGroupIndex:
    """The log groups of one stack by name, and the functions' names."""

    #: full name -> log groups (and retention resources) declaring it
    by_name: dict[Parts, list[str]] = field(default_factory=lambda: defaultdict(list))
    #: the part after /aws/lambda/ -> log groups (and retention resources)
    by_function_name: dict[Parts, list[str]] = field(default_factory=lambda: defaultdict(list))
    #: log groups whose name may start with /aws/lambda/ but is not known, with the reason
    open: list[tuple[str, str]] = field(default_factory=list)
    #: /aws/lambda/ groups that no function of the stack is known to own
    unclaimed: list[str] = field(default_factory=list)


def function_names(function: Resource, resolver: Resolver) -> tuple[Parts, ...]:
    """The ways the stack can write ``function``'s name: its ``Ref`` and its FunctionName."""
    return names_of(function, resolver, "FunctionName")


@per_stack
def log_group_index(graph: Graph, resolver: Resolver) -> LogGroupIndex:
    """Index the stack's log groups; linear in the number of resources."""
    index = LogGroupIndex()
    for group in deployed(graph, resolver, LOG_GROUP, LOG_RETENTION):
        name = parts(resolver.resolve(group.properties.get("LogGroupName")))
        if name is None:
            continue  # no name: CloudFormation generates one, never /aws/lambda/...
        index.by_name[name].append(group.logical_id)
        head = name[0]
        if isinstance(head, str) and head.startswith(PREFIX):
            rest = (head[len(PREFIX) :], *name[1:]) if head != PREFIX else name[1:]
            index.by_function_name[rest].append(group.logical_id)
        elif isinstance(head, Unknown) or (isinstance(head, str) and PREFIX.startswith(head)):
            reason = next((p.reason for p in name if isinstance(p, Unknown)), "")
            index.open.append((group.logical_id, reason))
    owned = {n for fn in graph.of_type(FUNCTION) for n in function_names(fn, resolver)}
    index.unclaimed = sorted(
        group
        for name, groups in index.by_function_name.items()
        if name not in owned
        for group in groups
    )
    return index
