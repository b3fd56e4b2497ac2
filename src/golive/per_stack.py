"""Facts computed once per stack and shared by every check that needs them.

Cross-resource checks need indexes over the whole stack (route tables by subnet, security
group rules by group, backup selections). Building one per resource would make a check
quadratic in the number of resources; ``per_stack`` builds it once per ``Graph`` and keeps it
while that graph lives, so the whole run stays linear.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TypeVar

from golive.graph import Graph
from golive.resolver import Resolver

T = TypeVar("T")


def per_stack(build: Callable[[Graph, Resolver], T]) -> Callable[[Graph, Resolver], T]:
    """Memoise ``build`` on the graph object: computed on first use, dropped with the graph.

    The value must not refer to the graph itself (that would keep it alive). It is built
    with the stack's base resolver, so conditions the engine explores branch by branch are
    seen as undecided inside the index; checks resolve the judged resource's own properties
    through their context as usual.
    """
    cache: dict[int, T] = {}

    def get(graph: Graph, resolver: Resolver) -> T:
        key = id(graph)
        if key not in cache:
            cache[key] = build(graph, resolver)
            weakref.finalize(graph, cache.pop, key, None)
        return cache[key]

    get.__doc__ = build.__doc__
    return get
