"""Which resources may name a target by its literal name, found through an index.

A bucket, topic or queue with a literal name can be named by any policy, log setting or
replication rule of the stack, not only by those that refer to it. Resolving every such
resource for every named target made those checks quadratic in the size of the stack. The
index resolves each one once per stack (with the stack's base resolver, so a value behind an
undecided condition is unknown and stays a candidate) and files it under the names it gives;
a value whose name golive cannot read is a candidate for every target. Checks still judge
each candidate with their own context: the index only narrows whom they ask.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from golive.context import Context
from golive.graph import Graph
from golive.model import Resource
from golive.per_stack import per_stack
from golive.resolver import Resolver
from golive.values import Reference, Text, Unknown

#: What a resource gives as values that may name a target, and how a value reads as a name.
ValuesOf = Callable[[Resource, Context], list[Any]]
NameOf = Callable[[Any], "str | None"]

_PLACEHOLDER = re.compile(r"\{[ur][^}]*\}")


@dataclass
class _Filed:
    by_name: dict[str, list[Resource]] = field(default_factory=lambda: defaultdict(list))
    doubtful: list[Resource] = field(default_factory=list)
    #: Template position of every resource of the table's types.
    order: dict[str, int] = field(default_factory=dict)


@per_stack
def _tables(graph: Graph, resolver: Resolver) -> dict[Hashable, _Filed]:
    """One table per (types, values_of, name_of), filled on first use."""
    return {}


def named_candidates(
    target: Resource,
    ctx: Context,
    name: str,
    types: tuple[str, ...],
    values_of: ValuesOf,
    name_of: NameOf,
) -> list[Resource]:
    """Resources of ``types`` that may name ``target`` (whose own name is ``name``), in
    template order: its referrers, those whose values read as ``name``, and those whose
    values golive cannot read as a name."""
    if _PLACEHOLDER.search(name):
        return list(ctx.graph.of_type(*types))
    tables = _tables(ctx.graph, ctx.resolver)
    spec = (types, values_of, name_of)
    if spec not in tables:
        tables[spec] = _file(ctx, types, values_of, name_of)
    table = tables[spec]
    chosen = {r.logical_id: r for r in ctx.referrers(target, *types)}
    for resource in (*table.by_name.get(name, ()), *table.doubtful):
        chosen.setdefault(resource.logical_id, resource)
    return sorted(chosen.values(), key=lambda r: table.order[r.logical_id])


def _file(ctx: Context, types: tuple[str, ...], values_of: ValuesOf, name_of: NameOf) -> _Filed:
    base = ctx.unconditional()
    table = _Filed()
    for position, resource in enumerate(ctx.graph.of_type(*types)):
        table.order[resource.logical_id] = position
        names: set[str] = set()
        for value in values_of(resource, base):
            parts = value.parts if isinstance(value, Text) else (value,)
            if any(isinstance(p, Reference) for p in parts):
                continue  # names its target by reference: a referrer
            given = name_of(value)
            if given is None:
                if isinstance(value, Unknown):
                    table.doubtful.append(resource)
                    break
            elif _PLACEHOLDER.search(given):
                table.doubtful.append(resource)
                break
            else:
                names.add(given)
        for given in names:
            table.by_name[given].append(resource)
    return table


@cache
def property_values(prop: str) -> ValuesOf:
    """The values of ``prop`` (one value or a list), as one function per property."""
    from golive.checks.resource_policy import resolved

    def values(resource: Resource, ctx: Context) -> list[Any]:
        raw = resolved(resource, ctx, prop)
        return raw if isinstance(raw, list) else [raw]

    return values
