"""Which resources of a stack an AWS Backup selection or a Data Lifecycle Manager policy covers.

A backup selection assigns resources to a plan by ARN (a ``Ref``/``Fn::GetAtt`` to the
resource, or a pattern such as ``arn:aws:rds:*:*:db:*``), by tag (``ListOfTags``), and
narrows them with ``Conditions`` and ``NotResources``. The selections and policies of a
stack are read once (``backup_index``); each resource is then matched against them.

NOTE (AWS Backup, "Assigning resources programmatically"): resources matching ``Resources``
or any of ``ListOfTags`` are selected; every entry of ``Conditions`` must then hold (AND);
``NotResources`` removes resources again; a selection naming none of these selects every
supported resource.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

from golive.context import Context
from golive.graph import Graph
from golive.model import Resource
from golive.per_stack import per_stack
from golive.resolver import Resolver
from golive.taggable import tag_property
from golive.values import Reference, Text, Unknown

Tri = bool | Unknown
_HOLE = "\x00"
_TAG_KEY_PREFIX = "aws:ResourceTag/"
#: type -> (ARN service, resource-part prefix, property holding the name, or None).
ARN_SHAPES: dict[str, tuple[str, str, str | None]] = {
    "AWS::RDS::DBInstance": ("rds", "db:", "DBInstanceIdentifier"),
    "AWS::RDS::DBCluster": ("rds", "cluster:", "DBClusterIdentifier"),
    "AWS::DynamoDB::Table": ("dynamodb", "table/", "TableName"),
    "AWS::DynamoDB::GlobalTable": ("dynamodb", "table/", "TableName"),
    "AWS::EFS::FileSystem": ("elasticfilesystem", "file-system/", None),
    "AWS::EC2::Volume": ("ec2", "volume/", None),
    "AWS::S3::Bucket": ("s3", "", "BucketName"),
}
_OPERATORS = ("StringEquals", "StringLike", "StringNotEquals", "StringNotLike")


@dataclass(frozen=True)
class Selection:
    """One ``AWS::Backup::BackupSelection``, resolved."""

    logical_id: str
    plan: str | None
    resources: tuple[Any, ...] | None
    not_resources: tuple[Any, ...]
    tags: tuple[tuple[Any, Any], ...] | None
    conditions: tuple[tuple[str, Any, Any], ...]
    deployed: Tri
    unreadable: str | None = None


@dataclass(frozen=True)
class LifecyclePolicy:
    """One ``AWS::DLM::LifecyclePolicy`` that snapshots EBS volumes."""

    logical_id: str
    every_volume: bool
    tags: tuple[tuple[Any, Any], ...]
    deployed: Tri


@dataclass(frozen=True)
class BackupIndex:
    """Every backup selection and volume snapshot policy of one stack."""

    selections: tuple[Selection, ...]
    policies: tuple[LifecyclePolicy, ...]
    #: positions in ``selections`` of those that may select any resource
    general: tuple[int, ...] = ()
    #: logical id -> positions of the selections that select only by reference, naming it
    named: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    def selections_for(self, logical_id: str) -> Iterator[Selection]:
        """The selections that may select ``logical_id``, in template order.

        A stack that gives each table its own selection made matching every resource
        against every selection quadratic; one that selects only by reference selects
        nothing else (its ``Resources`` never match, so the selection never holds).
        """
        positions = heapq.merge(self.general, self.named.get(logical_id, ()))
        return (self.selections[i] for i in positions)


def _deployed(resource: Resource, resolver: Resolver) -> Tri:
    return resolver.condition(resource.condition) if resource.condition else True


def _pairs(items: Any, key: str, value: str) -> tuple[tuple[Any, Any], ...]:
    if not isinstance(items, list):
        return ()
    return tuple((i.get(key), i.get(value)) for i in items if isinstance(i, dict))


def _selection(resource: Resource, resolver: Resolver) -> Selection:
    body = resolver.resolve(resource.properties.get("BackupSelection"))
    plan = resolver.resolve(resource.properties.get("BackupPlanId"))
    plan_id = plan.logical_id if isinstance(plan, Reference) else None
    deployed = _deployed(resource, resolver)
    if not isinstance(body, dict):
        reason = getattr(body, "reason", "it is not a mapping")
        return Selection(resource.logical_id, plan_id, None, (), None, (), deployed, reason)
    conditions = []
    written = body.get("Conditions")
    for operator in _OPERATORS:
        entries = written.get(operator) if isinstance(written, dict) else None
        for key, value in _pairs(entries, "ConditionKey", "ConditionValue"):
            conditions.append((operator, key, value))
    resources = body.get("Resources")
    not_resources = body.get("NotResources")
    tags = body.get("ListOfTags")
    return Selection(
        logical_id=resource.logical_id,
        plan=plan_id,
        resources=tuple(resources) if isinstance(resources, list) else None,
        not_resources=tuple(not_resources) if isinstance(not_resources, list) else (),
        tags=_pairs(tags, "ConditionKey", "ConditionValue") if isinstance(tags, list) else None,
        conditions=tuple(conditions),
        deployed=deployed,
    )


def _policy(resource: Resource, resolver: Resolver) -> LifecyclePolicy | None:
    props = resolver.resolve(dict(resource.properties))
    if props.get("State") == "DISABLED":
        return None
    if props.get("DefaultPolicy") == "VOLUME":
        return LifecyclePolicy(resource.logical_id, True, (), _deployed(resource, resolver))
    details = props.get("PolicyDetails")
    if not isinstance(details, dict) or "VOLUME" not in (details.get("ResourceTypes") or []):
        return None
    tags = _pairs(details.get("TargetTags"), "Key", "Value")
    return LifecyclePolicy(resource.logical_id, False, tags, _deployed(resource, resolver))


def _named_only(selection: Selection) -> set[str] | None:
    """The resources a selection names, when it selects by reference alone (no tags, no
    ARN text or pattern); None when it may select others."""
    if selection.unreadable or selection.tags or selection.resources is None:
        return None
    named: set[str] = set()
    for entry in selection.resources:
        parts = entry.parts if isinstance(entry, Text) else (entry,)
        references = [p.logical_id for p in parts if isinstance(p, Reference)]
        if not references:
            return None
        named.update(references)
    return named


def _build(graph: Graph, resolver: Resolver) -> BackupIndex:
    """Read every backup selection and volume lifecycle policy once."""
    selections = tuple(
        _selection(r, resolver) for r in graph.of_type("AWS::Backup::BackupSelection")
    )
    policies = [_policy(r, resolver) for r in graph.of_type("AWS::DLM::LifecyclePolicy")]
    general: list[int] = []
    named: dict[str, list[int]] = defaultdict(list)
    for position, selection in enumerate(selections):
        names = _named_only(selection)
        if names is None:
            general.append(position)
        for name in names or ():
            named[name].append(position)
    return BackupIndex(
        selections,
        tuple(p for p in policies if p is not None),
        tuple(general),
        {name: tuple(positions) for name, positions in named.items()},
    )


backup_index = per_stack(_build)


# -- tri-state logic ------------------------------------------------------------------------


def _any(values: list[Tri]) -> Tri:
    if any(v is True for v in values):
        return True
    return next((v for v in values if isinstance(v, Unknown)), False)


def _all(values: list[Tri]) -> Tri:
    if any(v is False for v in values):
        return False
    return next((v for v in values if isinstance(v, Unknown)), True)


# -- matching -------------------------------------------------------------------------------


def _name(resource: Resource, prop: str | None, ctx: Context) -> str | None:
    if prop is None:
        return None
    value = ctx.value(resource, prop)
    return str(value.value) if value.known and isinstance(value.value, str) else None


def arn_matches(entry: Any, resource: Resource, ctx: Context) -> Tri:
    """Whether a resolved ARN (or ARN pattern) names ``resource``."""
    if isinstance(entry, Reference):
        return entry.logical_id == resource.logical_id
    if isinstance(entry, Unknown):
        return Unknown(f"a resource ARN is not known: {entry.reason}")
    if isinstance(entry, Text):
        if any(isinstance(p, Reference) for p in entry.parts):
            return any(
                isinstance(p, Reference) and p.logical_id == resource.logical_id
                for p in entry.parts
            )
        entry = entry.literal(_HOLE)
    if not isinstance(entry, str):
        return False
    if entry == "*":
        return True
    parts = entry.split(":", 5)
    shape = ARN_SHAPES.get(resource.type)
    if len(parts) < 6 or shape is None:
        return False
    service, prefix, name_property = shape
    if _HOLE in parts[2] or _HOLE in parts[5]:
        return Unknown(f"the ARN pattern {entry.replace(_HOLE, '?')} is known only at deployment")
    if not fnmatchcase(service, parts[2]):
        return False
    pattern = parts[5]
    if pattern in ("*", prefix + "*"):
        return True
    if not (pattern.startswith(prefix) or pattern.startswith("*")):
        return False
    name = _name(resource, name_property, ctx)
    if name is None:
        return Unknown(
            f"a selection names {pattern}, and the name of {resource.logical_id} is chosen "
            "at deployment"
        )
    return fnmatchcase((prefix + name).lower(), pattern.lower())


def resource_tags(resource: Resource, ctx: Context) -> dict[str, Any] | Unknown:
    """The resource's tags as a mapping (values may be ``Unknown``)."""
    prop = tag_property(resource.type)
    if prop is None or ".*." in prop:
        return {}
    tags = ctx.value(resource, prop)
    if tags.unknown:
        return Unknown(f"the tags of {resource.logical_id} are not known: {tags.reason}")
    if isinstance(tags.value, dict):
        return dict(tags.value)
    found: dict[str, Any] = {}
    for item in tags.value if isinstance(tags.value, list) else []:
        if isinstance(item, dict) and isinstance(item.get("Key"), str):
            found[item["Key"]] = item.get("Value")
    return found


def tag_matches(
    operator: str, key: Any, wanted: Any, tags: dict[str, Any] | Unknown, ctx: Context
) -> Tri:
    """Whether a tag condition holds for a resource with ``tags``."""
    if isinstance(tags, Unknown):
        return tags
    if not isinstance(key, str) or not isinstance(wanted, str):
        return Unknown("a tag condition of a backup selection is known only at deployment")
    key = key.removeprefix(_TAG_KEY_PREFIX)
    negated = operator in ("StringNotEquals", "StringNotLike")
    if key not in tags:
        if key in ctx.settings.stack_tags:
            return Unknown(f"the value of stack tag {key} is given at deployment")
        return negated
    value = tags[key]
    if not isinstance(value, (str, int, float, bool)):
        return Unknown(f"the value of tag {key} is known only at deployment")
    text = str(value).lower() if isinstance(value, bool) else str(value)
    like = operator in ("StringLike", "StringNotLike")
    hit = fnmatchcase(text, wanted) if like else text == wanted
    return hit != negated


def selected(selection: Selection, resource: Resource, ctx: Context) -> Tri:
    """Whether ``selection`` assigns ``resource`` to its backup plan."""
    if selection.unreadable:
        return Unknown(f"backup selection {selection.logical_id}: {selection.unreadable}")
    tags = resource_tags(resource, ctx)
    include: list[Tri] = [arn_matches(e, resource, ctx) for e in selection.resources or ()]
    include += [tag_matches("StringEquals", k, v, tags, ctx) for k, v in selection.tags or ()]
    chosen = True if selection.resources is None and selection.tags is None else _any(include)
    conditions = [tag_matches(op, k, v, tags, ctx) for op, k, v in selection.conditions]
    excluded = _any([arn_matches(e, resource, ctx) for e in selection.not_resources])
    return _all([selection.deployed, chosen, *conditions, _not(excluded)])


def _not(value: Tri) -> Tri:
    return value if isinstance(value, Unknown) else not value


def snapshotted(policy: LifecyclePolicy, volume: Resource, ctx: Context) -> Tri:
    """Whether a lifecycle policy snapshots ``volume`` (a volume with any target tag)."""
    if policy.every_volume:
        return policy.deployed
    tags = resource_tags(volume, ctx)
    hits = [tag_matches("StringEquals", k, v, tags, ctx) for k, v in policy.tags]
    return _all([policy.deployed, _any(hits)])


def protection(resource: Resource, ctx: Context) -> tuple[list[str], Unknown | None]:
    """What covers ``resource``: names of selections/policies, and the first open question."""
    index = backup_index(ctx.graph, ctx.facts.resolver)
    found: list[str] = []
    open_question: Unknown | None = None
    for selection in index.selections_for(resource.logical_id):
        answer = selected(selection, resource, ctx)
        if answer is True:
            plan = f" (plan {selection.plan})" if selection.plan else ""
            found.append(f"backup selection {selection.logical_id}{plan}")
        elif isinstance(answer, Unknown) and open_question is None:
            open_question = answer
    if resource.type == "AWS::EC2::Volume":
        for policy in index.policies:
            answer = snapshotted(policy, resource, ctx)
            if answer is True:
                found.append(f"snapshot policy {policy.logical_id}")
            elif isinstance(answer, Unknown) and open_question is None:
                open_question = answer
    return found, open_question
