"""The resource graph: which resource refers to which, and where.

Edges come from ``Ref``, ``Fn::GetAtt``, ``Fn::Sub`` variables and ``DependsOn``, each with
the property path it was written at. Built in one walk over every resource's properties,
so its cost is linear in the size of the template. Relations of meaning (who invokes a
function, what a function reaches) are built on top of it in ``invocations`` and ``reach``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from golive.model import InputError, Resource, Stack

_SUB_VARIABLE = re.compile(r"\$\{([^}!][^}]*)\}")

PropertyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Edge:
    """``source`` refers to ``target`` at ``path`` (``attribute`` set for ``Fn::GetAtt``)."""

    source: str
    target: str
    path: PropertyPath
    attribute: str | None = None


@dataclass
class Graph:
    """Outgoing and incoming reference edges of every resource in one stack."""

    stack: Stack
    outgoing: dict[str, list[Edge]] = field(default_factory=lambda: defaultdict(list))
    incoming: dict[str, list[Edge]] = field(default_factory=lambda: defaultdict(list))
    #: ``of_type`` answers by the types asked for (filled on first use).
    _by_types: dict[tuple[str, ...], list[Resource]] = field(default_factory=dict, repr=False)
    #: ``referrers`` and ``targets`` answers by direction, resource and types (filled on use).
    _ends: dict[tuple[bool, str, tuple[str, ...]], list[Resource]] = field(
        default_factory=dict, repr=False
    )

    def referrers(self, logical_id: str, *types: str) -> list[Resource]:
        """Resources that refer to ``logical_id``, optionally only of the given types."""
        return list(self._other_ends(True, logical_id, types))

    def targets(self, logical_id: str, *types: str) -> list[Resource]:
        """Resources that ``logical_id`` refers to, optionally only of the given types."""
        return list(self._other_ends(False, logical_id, types))

    def _other_ends(
        self, incoming: bool, logical_id: str, types: tuple[str, ...]
    ) -> list[Resource]:
        """The distinct resources at the other end of ``logical_id``'s edges, of ``types``.

        A resource many others refer to (a role shared by every function, a VPC) is asked
        about once per resource that refers to it; the answer for each set of types is
        computed once, so a call costs what it returns, not a walk over all those edges.
        """
        key = (incoming, logical_id, types)
        found = self._ends.get(key)
        if found is None:
            seen: dict[str, Resource] = {}
            edges = (self.incoming if incoming else self.outgoing).get(logical_id, ())
            for edge in edges:
                other = edge.source if incoming else edge.target
                resource = self.stack.resources.get(other)
                if resource is not None and (not types or resource.type in types):
                    seen.setdefault(other, resource)
            found = self._ends[key] = list(seen.values())
        return found

    def of_type(self, *types: str) -> Iterator[Resource]:
        """Every resource of the stack with one of ``types``, in template order.

        Checks call this per judged resource; the answer for each set of types is computed
        once, so a call costs what it returns, not a walk over the whole stack.
        """
        found = self._by_types.get(types)
        if found is None:
            wanted = set(types)
            found = [r for r in self.stack.resources.values() if r.type in wanted]
            self._by_types[types] = found
        return iter(found)


def build_graph(stack: Stack) -> tuple[Graph, list[InputError]]:
    """Build the graph; a dependency cycle comes back as an input error."""
    graph = Graph(stack)
    names = stack.resources.keys()
    for resource in stack.resources.values():
        for target, attribute, path in references_in(resource.properties, names):
            edge = Edge(resource.logical_id, target, ("Properties", *path), attribute)
            graph.outgoing[resource.logical_id].append(edge)
            graph.incoming[target].append(edge)
        for target in resource.depends_on:
            if target in names:
                edge = Edge(resource.logical_id, target, ("DependsOn",))
                graph.outgoing[resource.logical_id].append(edge)
                graph.incoming[target].append(edge)
    return graph, _cycles(graph)


def references_in(
    node: Any, names: Iterable[str] | Any, path: PropertyPath = ()
) -> Iterator[tuple[str, str | None, PropertyPath]]:
    """Yield ``(logical id, attribute, path)`` for each reference to one of ``names``."""
    work: list[tuple[Any, PropertyPath]] = [(node, path)]
    while work:
        current, where = work.pop()
        if isinstance(current, dict):
            if len(current) == 1:
                ((key, arg),) = current.items()
                if key == "Ref":
                    if isinstance(arg, str) and arg in names:
                        yield arg, None, where
                    continue
                if key == "Fn::GetAtt":
                    target = arg.split(".", 1) if isinstance(arg, str) else arg
                    if isinstance(target, list) and target and target[0] in names:
                        attribute = (
                            target[1] if len(target) > 1 and isinstance(target[1], str) else None
                        )
                        yield target[0], attribute, where
                        continue
                if key == "Fn::Sub":
                    yield from _sub_references(arg, names, where)
                    if isinstance(arg, list) and len(arg) == 2:
                        work.append((arg[1], where))
                    continue
            # only containers are walked on: a path is built for each, never for a scalar
            for key, value in current.items():
                if isinstance(value, (dict, list)):
                    work.append((value, (*where, key)))
        elif isinstance(current, list):
            for position, value in enumerate(current):
                if isinstance(value, (dict, list)):
                    work.append((value, (*where, position)))


def _sub_references(
    arg: Any, names: Iterable[str] | Any, where: PropertyPath
) -> Iterator[tuple[str, str | None, PropertyPath]]:
    text, variables = (arg[0], arg[1]) if isinstance(arg, list) and len(arg) == 2 else (arg, {})
    if not isinstance(text, str):
        return
    local = variables if isinstance(variables, dict) else {}
    for match in _SUB_VARIABLE.finditer(text):
        name = match.group(1)
        if name in local:
            continue
        target, _, attribute = name.partition(".")
        if target in names:
            yield target, attribute or None, where


def _cycles(graph: Graph) -> list[InputError]:
    """Dependency cycles (CloudFormation rejects them), found by an iterative DFS."""
    resources = graph.stack.resources
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    problems: list[InputError] = []
    for start in resources:
        if start in state:
            continue
        path: list[str] = []
        stack: list[tuple[str, Iterator[Edge]]] = [(start, iter(graph.outgoing.get(start, ())))]
        state[start] = 1
        path.append(start)
        while stack:
            node, edges = stack[-1]
            edge = next(edges, None)
            if edge is None:
                stack.pop()
                path.pop()
                state[node] = 2
                continue
            target = edge.target
            if state.get(target) == 1:
                cycle = path[path.index(target) :]
                first = resources[target]
                problems.append(
                    InputError(
                        first.location.file,
                        first.location.line,
                        "circular dependency between "
                        + " -> ".join([*cycle, target])
                        + ": CloudFormation will reject this template; remove one of the "
                        "references or DependsOn entries",
                    )
                )
            elif target not in state:
                state[target] = 1
                path.append(target)
                stack.append((target, iter(graph.outgoing.get(target, ()))))
    return problems
