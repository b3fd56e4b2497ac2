"""Which resources may name a target by its literal name, found through an index.

A bucket, topic or queue with a literal name can be named by any policy, log setting or
replication rule of the stack, not only by those that refer to it. Resolving every such
resource for every named target made those checks quadratic in the size of the stack. The
index resolves each one once per stack (with the stack's base resolver) and files it under
every name it gives, literal or with parts known only at deployment; a value whose name
golive cannot read is a candidate for every target. Checks still judge each candidate with
their own context: the index only narrows whom they ask.

Of the resources that only *may* name a target (``refers_to`` answers None: a name of
another shape, or none golive can read), only the first in template order comes back:
callers act on the resources that do name the target, and on the first doubt alone (the
reason ``resource_policy.attached`` gives). Returning them all made targets named
``${AWS::StackName}-...`` quadratic again. Under branch assumptions a value the base
resolver could not read may read as anything, even as the target's name, so there every
such resource comes back too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from golive.context import Context
from golive.model import Resource
from golive.per_stack import StackMemo
from golive.values import Reference, Text, Unknown

#: What a resource gives as values that may name a target, and how a value reads as a name.
ValuesOf = Callable[[Resource, Context], list[Any]]
NameOf = Callable[[Any], "str | None"]

_PLACEHOLDER = re.compile(r"\{[ur][^}]*\}")


#: The shape of a name: its placeholders in order (``()`` for a literal name); None for a
#: value golive cannot read as a name at all.
Shape = tuple[str, ...] | None


@dataclass
class _Filed:
    #: Every name a value gives, literal or with placeholders -> the resources giving it.
    by_name: dict[str, list[Resource]] = field(default_factory=lambda: defaultdict(list))
    #: Resources with a value whose name holds a placeholder or cannot be read.
    doubtful: list[Resource] = field(default_factory=list)
    #: Resources not known to be left out, with the shapes of the names they give: each may
    #: name any target of another shape.
    shaped: list[tuple[Resource, frozenset[Shape]]] = field(default_factory=list)
    #: For each entry of ``shaped``, the position of the next one with other shapes.
    skip: list[int] = field(default_factory=list)
    #: Template position of every resource of the table's types.
    order: dict[str, int] = field(default_factory=dict)


#: One table per stack and (types, values_of, name_of).
_TABLES: StackMemo[Hashable, _Filed] = StackMemo()


def named_candidates(
    target: Resource,
    ctx: Context,
    name: str,
    types: tuple[str, ...],
    values_of: ValuesOf,
    name_of: NameOf,
) -> list[Resource]:
    """Resources of ``types`` that may name ``target`` (whose own name is ``name``), in
    template order: its referrers, those whose values read as ``name``, and of those that
    only may, the first (all whose names were unread, when a branch is assumed)."""
    spec = (types, values_of, name_of)
    table = _TABLES.get(ctx.graph, spec, lambda: _file(ctx, types, values_of, name_of))
    chosen = {r.logical_id: r for r in ctx.referrers(target, *types)}
    maybe = [*table.by_name.get(name, ()), *(table.doubtful if ctx.resolver.assumptions else ())]
    for resource in maybe:
        chosen.setdefault(resource.logical_id, resource)
    first = _first_other(table, tuple(_PLACEHOLDER.findall(name)), chosen, ctx)
    if first is not None:
        chosen[first.logical_id] = first
    return sorted(chosen.values(), key=lambda r: table.order[r.logical_id])


def _first_other(
    table: _Filed, shape: Shape, chosen: dict[str, Resource], ctx: Context
) -> Resource | None:
    """The first resource deployed under ``ctx`` and not in ``chosen`` that gives a name of
    another shape than ``shape``: ``refers_to`` cannot tell whether it names the target.

    Runs of resources that give only names of ``shape`` are jumped over, so the cost is
    the number of resources passed that are ``chosen`` or left out by an assumed branch,
    not the length of the table.
    """
    alone = frozenset({shape})
    position = 0
    while position < len(table.shaped):
        resource, shapes = table.shaped[position]
        if shapes == alone:
            position = table.skip[position]
        elif resource.logical_id in chosen or _left_out(resource, ctx):
            position += 1
        else:
            return resource
    return None


def _left_out(resource: Resource, ctx: Context) -> bool:
    """Whether ``resource``'s condition is false under ``ctx``."""
    if not resource.condition:
        return False
    return ctx.resolver.condition(resource.condition) is False


def _file(ctx: Context, types: tuple[str, ...], values_of: ValuesOf, name_of: NameOf) -> _Filed:
    base = ctx.unconditional()
    table = _Filed()
    for position, resource in enumerate(ctx.graph.of_type(*types)):
        table.order[resource.logical_id] = position
        names: set[str] = set()
        shapes: set[Shape] = set()
        for value in values_of(resource, base):
            parts = value.parts if isinstance(value, Text) else (value,)
            if any(isinstance(p, Reference) for p in parts):
                continue  # names its target by reference: a referrer
            given = name_of(value)
            if given is not None:
                names.add(given)
                shapes.add(tuple(_PLACEHOLDER.findall(given)))
            elif isinstance(value, Unknown):
                shapes.add(None)
        for given in names:
            table.by_name[given].append(resource)
        if shapes - {()}:
            table.doubtful.append(resource)
        if shapes and not _left_out(resource, base):
            table.shaped.append((resource, frozenset(shapes)))
    table.skip = _skips([shapes for _, shapes in table.shaped])
    return table


def _skips(shapes: list[frozenset[Shape]]) -> list[int]:
    """For each position, the next position whose shapes differ (the length at the end)."""
    skip = [len(shapes)] * len(shapes)
    for position in range(len(shapes) - 2, -1, -1):
        same = shapes[position + 1] == shapes[position]
        skip[position] = skip[position + 1] if same else position + 1
    return skip


@cache
def property_values(prop: str) -> ValuesOf:
    """The values of ``prop`` (one value or a list), as one function per property."""
    from golive.checks.resource_policy import resolved

    def values(resource: Resource, ctx: Context) -> list[Any]:
        raw = resolved(resource, ctx, prop)
        return raw if isinstance(raw, list) else [raw]

    return values
