"""Facts computed once per stack and shared by every check that needs them.

Cross-resource checks need indexes over the whole stack (route tables by subnet, security
group rules by group, backup selections). Building one per resource would make a check
quadratic in the number of resources; ``per_stack`` builds it once per ``Graph`` and keeps it
while that graph lives, so the whole run stays linear.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

from golive.graph import Graph
from golive.model import Resource
from golive.resolver import Resolver
from golive.values import Text, Unknown

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


class StackMemo(Generic[K, T]):
    """Answers kept per stack and key, each computed on first use, dropped with the graph.

    For indexes filled lazily: what one security group's users are, what one role grants.
    Each answer must not refer to the graph itself (that would keep it alive).
    """

    def __init__(self) -> None:
        self._by_graph: dict[int, dict[K, T]] = {}

    def get(self, graph: Graph, key: K, build: Callable[[], T]) -> T:
        """The answer for ``key`` on ``graph``'s stack; ``build`` computes it the first time."""
        answers = self._by_graph.get(id(graph))
        if answers is None:
            answers = self._by_graph[id(graph)] = {}
            weakref.finalize(graph, self._by_graph.pop, id(graph), None)
        if key not in answers:
            answers[key] = build()
        return answers[key]


def per_stack(build: Callable[[Graph, Resolver], T]) -> Callable[[Graph, Resolver], T]:
    """Memoise ``build`` on the graph object: computed on first use, dropped with the graph.

    The value must not refer to the graph itself (that would keep it alive). It is built
    with the stack's base resolver, so conditions the engine explores branch by branch are
    seen as undecided inside the index; checks resolve the judged resource's own properties
    through their context as usual.
    """
    memo: StackMemo[None, T] = StackMemo()

    def get(graph: Graph, resolver: Resolver) -> T:
        return memo.get(graph, None, lambda: build(graph, resolver))

    get.__doc__ = build.__doc__
    return get


def split_by_reading(
    resources: Iterable[Resource], resolver: Resolver, *properties: str
) -> tuple[list[Resource], list[Resource]]:
    """``resources`` whose ``properties`` the stack's base resolver reads in full, and the rest.

    An index built once per stack can settle the first kind: a value read in full with the
    base resolver reads the same under every branch of an undecided condition the engine
    explores. The rest (a value behind such a condition, or known only at deployment) must
    be read again with each check's own context.
    """
    read: list[Resource] = []
    unread: list[Resource] = []
    for resource in resources:
        values = [resolver.resolve(resource.properties.get(name)) for name in properties]
        (unread if any(isinstance(v, (Unknown, Text)) for v in values) else read).append(resource)
    return read, unread
