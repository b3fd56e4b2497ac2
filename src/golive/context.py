"""The query facade checks read the stack through.

A check never walks raw dictionaries or opens files; it asks the context: the resolved
value of a property (``Known``, absent or ``Unknown`` with the reason), who invokes a
function, what a function reaches, which resources refer to a resource, and the
threshold its profile sets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from golive.catalog import CheckMeta
from golive.graph import Graph
from golive.invocations import Invocation, build_invocations
from golive.model import Profile, Resource
from golive.reach import Reach, vpc_reach
from golive.resolver import Resolver
from golive.settings import Settings
from golive.values import ABSENT, Reference, Text, Unknown, is_intrinsic


@dataclass(frozen=True)
class Value:
    """A resolved property: ``known`` (``value`` set), ``absent``, or ``unknown`` (``reason``)."""

    value: Any = None
    absent: bool = False
    reason: str | None = None

    @property
    def unknown(self) -> bool:
        return self.reason is not None

    @property
    def known(self) -> bool:
        return not self.absent and self.reason is None


@dataclass
class StackFacts:
    """What is computed once per stack and shared by every check on it."""

    graph: Graph
    resolver: Resolver

    @cached_property
    def invocations(self) -> Mapping[str, list[Invocation]]:
        return build_invocations(self.graph, self.resolver)


@dataclass
class Context:
    """Everything a check may consult about one stack, under one profile."""

    facts: StackFacts
    profile: Profile
    settings: Settings
    resolver: Resolver
    meta: CheckMeta | None = None
    _reach: dict[str, list[Reach]] = field(default_factory=dict)

    def for_check(self, meta: CheckMeta) -> Context:
        """The same context, answering ``option()`` for ``meta``."""
        return Context(self.facts, self.profile, self.settings, self.resolver, meta, self._reach)

    def unconditional(self) -> Context:
        """The same context without the branch assumptions the engine explores: the stack's
        base resolver (``facts.resolver``)."""
        return Context(self.facts, self.profile, self.settings, self.facts.resolver, self.meta)

    def under(self, assumptions: Mapping[str, bool]) -> Context:
        """The same context with undecided conditions taken as given."""
        resolver = self.resolver.with_assumptions(assumptions)
        return Context(self.facts, self.profile, self.settings, resolver, self.meta, {})

    @property
    def graph(self) -> Graph:
        return self.facts.graph

    def value(self, resource: Resource, path: str) -> Value:
        """The resolved value of the dotted property ``path`` of ``resource``."""
        node: Any = resource.properties
        for key in path.split("."):
            node = self._step(node)
            if isinstance(node, Unknown):
                return Value(reason=node.reason)
            if isinstance(node, dict):
                node = node.get(key, ABSENT)
            elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            else:
                return Value(absent=True)
            if node is ABSENT:
                return Value(absent=True)
        return self.resolved(node)

    def resolved(self, node: Any) -> Value:
        """Resolve a raw node taken from a resource into a ``Value``."""
        resolved = self.resolver.resolve(node)
        if resolved is ABSENT or resolved is None:
            return Value(absent=True)
        if isinstance(resolved, (Unknown, Text)):
            return Value(reason=resolved.reason)
        return Value(resolved)

    def _step(self, node: Any) -> Any:
        return self.resolver.resolve(node) if is_intrinsic(node) else node

    def invocations(self, function: Resource) -> list[Invocation]:
        """Who invokes ``function`` and how (empty when nothing in the stack does)."""
        return self.facts.invocations.get(function.logical_id, [])

    def vpc_reach(self, function: Resource) -> list[Reach]:
        """The VPC-only resources ``function`` reaches."""
        if function.logical_id not in self._reach:
            self._reach[function.logical_id] = vpc_reach(function, self.graph, self.resolver)
        return self._reach[function.logical_id]

    def referrers(self, resource: Resource, *types: str) -> list[Resource]:
        """Resources of ``types`` that refer to ``resource``."""
        return self.graph.referrers(resource.logical_id, *types)

    def resource(self, reference: Any) -> Resource | None:
        """The stack resource a resolved ``Reference`` points at."""
        if isinstance(reference, Reference):
            return self.graph.stack.resources.get(reference.logical_id)
        return None

    def option(self, name: str) -> Any:
        """The current check's option ``name`` under the active profile."""
        if self.meta is None:
            raise RuntimeError("option() outside a check")
        return self.meta.option(name, self.profile)
