"""Which CloudWatch alarms of a stack watch which metric of which resource.

Every alarm-coverage check asks one question: does an alarm watch metric M of resource R?
An alarm watches a metric directly (``Namespace``/``MetricName``/``Dimensions``) or inside
metric math (``Metrics[].MetricStat.Metric``); a composite alarm watches whatever the
alarms its ``AlarmRule`` names watch. The index is built in one pass over the alarms and
keyed by metric and dimension value, so each question costs a lookup, not a scan.

Dimension values are compared structurally: ``!Ref Fn`` matches ``!Ref Fn``, a literal
name matches the resource's literal name property, ``!Sub "${AWS::StackName}-orders"``
matches the same ``Fn::Sub``. Where one side holds a value known only at deployment and
the other could equal it, the match is *possible*, and checks answer UNKNOWN.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from golive.graph import Graph
from golive.literal_ends import Ends, ends
from golive.model import Resource
from golive.per_stack import per_stack
from golive.resolver import Resolver
from golive.values import Reference, Text, Unknown

ALARM = "AWS::CloudWatch::Alarm"
COMPOSITE = "AWS::CloudWatch::CompositeAlarm"
_RULE_NAME = re.compile(r"(?:ALARM|OK|INSUFFICIENT_DATA)\(\s*\"?([^\"()\x00]+?)\"?\s*\)")

Parts = tuple[str | Reference | Unknown, ...]


def parts(value: Any) -> Parts | None:
    """A name as comparable parts, or None when it is not a name (a list, a mapping)."""
    if isinstance(value, Text):
        return value.parts
    if isinstance(value, (Reference, Unknown)):
        return (value,)
    if isinstance(value, bool):
        return (str(value).lower(),)
    if isinstance(value, (str, int, float)):
        return (str(value),)
    return None


def _pattern(name: Parts) -> re.Pattern[str]:
    pieces = [re.escape(p) if isinstance(p, str) else ".+" for p in name]
    return re.compile("".join(pieces), re.DOTALL)


def same(left: Parts, right: Parts) -> bool | None:
    """True when two names are the same, False when they cannot be, None when unknown."""
    if left == right:
        return True
    if not (_is_open(left) or _is_open(right)):
        # Only literals and references: a reference names another resource's generated
        # value, which never equals a different literal or another resource's.
        return False
    literal = next((s for s in (left, right) if all(isinstance(p, str) for p in s)), None)
    if literal is not None:
        other = right if literal is left else left
        return None if _pattern(other).fullmatch("".join(map(str, literal))) else False
    if any(len(side) == 1 and isinstance(side[0], Unknown) for side in (left, right)):
        return None  # a whole value from a parameter or an import may be anything
    generated = next((s for s in (left, right) if all(isinstance(p, Reference) for p in s)), None)
    if generated is not None:
        return False  # a generated name against a name with written parts
    return None if _edges_agree(left, right) else False


def _is_open(name: Parts) -> bool:
    return any(isinstance(p, Unknown) for p in name)


def _edges_agree(left: Parts, right: Parts) -> bool:
    """The literal text each name starts and ends with could belong to one string."""
    first = [p[0] if isinstance(p[0], str) else "" for p in (left, right)]
    last = [p[-1] if isinstance(p[-1], str) else "" for p in (left, right)]
    return (first[0].startswith(first[1]) or first[1].startswith(first[0])) and (
        last[0].endswith(last[1]) or last[1].endswith(last[0])
    )


@dataclass(frozen=True)
class Watch:
    """Alarm ``alarm`` watches a metric with these resolved ``dimensions``."""

    alarm: str
    dimensions: Mapping[str, Any]


@dataclass
class AlarmIndex:
    """The alarms of one stack, by the metric and dimension values they watch."""

    #: (namespace, metric, dimension, parts of its value) -> watches
    exact: dict[tuple[str, str, str, Parts], list[Watch]] = field(
        default_factory=lambda: defaultdict(list)
    )
    #: (namespace, metric, dimension) -> watches whose value holds a part not known, by the
    #: literal text their values start and end with
    vague: dict[tuple[str, str, str], Ends[Watch]] = field(
        default_factory=lambda: defaultdict(Ends)
    )
    #: (namespace, metric, dimension) -> watches whose value is a plain literal, the same way
    literal: dict[tuple[str, str, str], Ends[Watch]] = field(
        default_factory=lambda: defaultdict(Ends)
    )
    #: (namespace, metric) -> watches without any dimension (every resource of the service)
    bare: dict[tuple[str, str], list[Watch]] = field(default_factory=lambda: defaultdict(list))
    #: alarm id -> the composite alarms whose rule names it
    parents: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def composites_over(self, alarm: str) -> set[str]:
        """Composite alarms that name ``alarm``, directly or through other composites."""
        found: set[str] = set()
        work = [alarm]
        while work:
            for parent in self.parents.get(work.pop(), ()):
                if parent not in found:
                    found.add(parent)
                    work.append(parent)
        return found


@dataclass(frozen=True)
class Metric:
    """A metric of one resource: names it may go by, and how dimensions identify it."""

    namespace: str
    names: frozenset[str]
    #: dimension name -> the names (as parts) that identify the resource in it
    identifiers: Mapping[str, tuple[Parts, ...]]
    #: an alarm on the metric without dimensions covers every resource of the service
    account_wide: bool = False


@dataclass(frozen=True)
class Coverage:
    """The alarms that watch a metric, and those that might."""

    alarms: tuple[str, ...] = ()
    possible: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.alarms)


def metrics_of(properties: Mapping[str, Any], resolver: Resolver) -> Iterator[dict[str, Any]]:
    """The metrics an alarm's properties watch: the plain metric or the math's ``MetricStat``s."""
    queries = resolver.resolve(properties.get("Metrics"))
    if isinstance(queries, list):
        for query in queries:
            stat = query.get("MetricStat") if isinstance(query, dict) else None
            metric = stat.get("Metric") if isinstance(stat, dict) else None
            if isinstance(metric, dict):
                yield metric
        return
    yield {
        "Namespace": resolver.resolve(properties.get("Namespace")),
        "MetricName": resolver.resolve(properties.get("MetricName")),
        "Dimensions": resolver.resolve(properties.get("Dimensions")),
    }


@per_stack
def alarm_index(graph: Graph, resolver: Resolver) -> AlarmIndex:
    """Index every alarm of the stack; linear in the number of alarms and their metrics."""
    index = AlarmIndex()
    names: dict[str, str] = {}
    for alarm in deployed(graph, resolver, ALARM, COMPOSITE):
        name = resolver.resolve(alarm.properties.get("AlarmName"))
        if isinstance(name, str):
            names[name] = alarm.logical_id
    for alarm in deployed(graph, resolver, ALARM):
        for metric in metrics_of(alarm.properties, resolver):
            _add(index, alarm.logical_id, metric)
    for composite in deployed(graph, resolver, COMPOSITE):
        for child in _rule_children(composite.properties.get("AlarmRule"), names, graph, resolver):
            index.parents[child].add(composite.logical_id)
    return index


def deployed(graph: Graph, resolver: Resolver, *types: str) -> Iterator[Resource]:
    """Resources of ``types`` whose ``Condition`` is not known to be false."""
    for resource in graph.of_type(*types):
        if resource.condition and resolver.condition(resource.condition) is False:
            continue
        yield resource


def _add(index: AlarmIndex, alarm: str, metric: Mapping[str, Any]) -> None:
    namespace, name = metric.get("Namespace"), metric.get("MetricName")
    if not (isinstance(namespace, str) and isinstance(name, str)):
        return
    dimensions = {
        d["Name"]: d.get("Value")
        for d in metric.get("Dimensions") or []
        if isinstance(d, dict) and isinstance(d.get("Name"), str)
    }
    watch = Watch(alarm, dimensions)
    if not dimensions:
        index.bare[(namespace, name)].append(watch)
    for dimension, value in dimensions.items():
        value_parts = parts(value)
        if value_parts is None:
            continue
        index.exact[(namespace, name, dimension, value_parts)].append(watch)
        if any(isinstance(p, Unknown) for p in value_parts):
            index.vague[(namespace, name, dimension)].add(watch, value_parts)
        elif all(isinstance(p, str) for p in value_parts):
            index.literal[(namespace, name, dimension)].add(watch, value_parts)


def _rule_children(
    rule: Any, names: Mapping[str, str], graph: Graph, resolver: Resolver
) -> Iterable[str]:
    """Alarms an ``AlarmRule`` names: by ``Ref``/``GetAtt`` or by literal alarm name."""
    resolved = resolver.resolve(rule)
    rule_parts = parts(resolved) or ()
    found = set()
    for part in rule_parts:
        if isinstance(part, Reference):
            target = graph.stack.resources.get(part.logical_id)
            if target is not None and target.type in (ALARM, COMPOSITE):
                found.add(part.logical_id)
    literal = "\x00".join(p for p in rule_parts if isinstance(p, str))
    for match in _RULE_NAME.finditer(literal):
        token = match.group(1).strip()
        alarm = names.get(token) or names.get(token.rsplit(":alarm:", 1)[-1])
        if alarm is not None:
            found.add(alarm)
    return sorted(found)


def coverage(index: AlarmIndex, metric: Metric) -> Coverage:
    """The alarms of ``index`` that watch ``metric``, with the composites over them."""
    direct: set[str] = set()
    possible: set[str] = set()
    for name in metric.names:
        if metric.account_wide:
            direct.update(w.alarm for w in index.bare.get((metric.namespace, name), ()))
        for dimension, forms in metric.identifiers.items():
            keyed = list(forms)
            for form in keyed:
                found = index.exact.get((metric.namespace, name, dimension, form), ())
                direct.update(w.alarm for w in found)
            key = (metric.namespace, name, dimension)
            for watch in _open_candidates(index, key, keyed):
                value = parts(watch.dimensions.get(dimension))
                if value is None or watch.alarm in direct:
                    continue
                if any(same(value, form) is None for form in keyed):
                    possible.add(watch.alarm)
    alarms = set(direct)
    for alarm in direct:
        alarms.update(index.composites_over(alarm))
    return Coverage(tuple(sorted(alarms)), tuple(sorted(possible - alarms)))


def _open_candidates(
    index: AlarmIndex, key: tuple[str, str, str], forms: list[Parts]
) -> list[Watch]:
    """Watches of ``key`` whose value is open, or literal where a form is open: of those,
    the ones whose literal ends agree with a form's, each once.

    Comparing every such watch with every resource made each alarm check quadratic on
    stacks that name resources ``${AWS::StackName}-...``. The ends narrow them to a superset
    of those ``same`` may call possible; ``coverage`` still asks ``same`` of each.
    """
    if key not in index.vague and key not in index.literal:
        return []
    found: dict[int, Watch] = {}
    vague = index.vague.get(key, Ends())
    literal = index.literal.get(key, Ends())
    for form in forms:
        if len(form) == 1 and isinstance(form[0], Unknown):
            # A name that is one unknown may be anything, and so may an open value.
            return [*vague.items, *literal.items]
        if all(isinstance(p, Reference) for p in form):
            # A generated name never equals a value with written parts.
            items = vague.whole
        else:
            first, last = ends(form)
            items = vague.agreeing(first, last)
            if any(isinstance(p, Unknown) for p in form):
                # Only a resource whose own name is open may be the one a literal names.
                items = items + literal.agreeing(first, last)
        for watch in items:
            found.setdefault(id(watch), watch)
    return list(found.values())


def names_of(
    resource: Resource, resolver: Resolver, *properties: str, attribute: str | None = None
) -> tuple[Parts, ...]:
    """How a dimension can name ``resource``: its ``Ref``/``GetAtt`` and its name properties."""
    names: list[Parts] = [(Reference(resource.logical_id, attribute),)]
    for name in properties:
        value = parts(resolver.resolve(resource.properties.get(name)))
        if value is not None and value != ("",):
            names.append(value)
    return tuple(names)


def describe(alarms: Iterable[str], limit: int = 3) -> str:
    """``"A, B and 2 more"``."""
    names = list(alarms)
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")
