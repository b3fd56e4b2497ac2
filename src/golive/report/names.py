"""How every report names a resource and where it is, so they all say it the same way.

A CDK user knows a resource by its construct path (``Trio/Orders/Handler/Resource``) and
the line of the app that created it, not by the logical id CDK derived
(``OrdersHandler4B2C9A10``) or the line in ``cdk.out``. For a resource from a cloud
assembly the construct path comes first and the logical id follows as secondary
information; the app's source file and line, when the assembly records them, come before
the template's. Resources from templates keep the name and place the user wrote, with the
id SAM deploys after it. Reporters format these parts; none decides them itself.
"""

from __future__ import annotations

from typing import NamedTuple

from golive.model import ResourceRef


def location(file: str, line: int | None) -> str:
    """``file:line``, or the file alone when the line is not known."""
    return f"{file}:{line}" if line else file


def primary_name(r: ResourceRef) -> str:
    """The name a reader recognises: the construct path, else the id the user wrote."""
    return r.construct_path or r.logical_id


def secondary_ids(r: ResourceRef) -> list[tuple[str, str]]:
    """What follows the primary name, as (what it is, id): CDK's logical id, SAM's deployed id."""
    ids = [("logical id", r.logical_id)] if r.construct_path else []
    if r.deployed_id:
        ids.append(("deploys", r.deployed_id))
    return ids


def labelled(r: ResourceRef) -> str:
    """``Trio/Worker/Resource (WorkerBC4A1B2C)``, ``Fn (FnRole)`` or ``Fn``, as plain text."""
    ids = secondary_ids(r)
    if not ids:
        return primary_name(r)
    return f"{primary_name(r)} ({', '.join(i for _, i in ids)})"


def template_location(r: ResourceRef) -> str:
    """``file:line`` of the resource in the template, or the file alone."""
    return location(r.file, r.line)


def source_location(r: ResourceRef) -> str | None:
    """``file:line`` of the code that created the construct (CDK), when known."""
    where = r.source_location
    return None if where is None else location(where.file, where.line)


def locations(r: ResourceRef) -> list[str]:
    """Where the resource is written, the place to change it first: app source, template."""
    source = source_location(r)
    template = template_location(r)
    return [source, template] if source else [template]


def best_location(r: ResourceRef) -> str:
    """Where a reader goes to change the resource: the app's source first, else the template."""
    return source_location(r) or template_location(r)


class Shown(NamedTuple):
    """A resource as a report shows it: its name, the ids after it, where it is written."""

    name: str
    ids: list[tuple[str, str]]
    locations: list[str]


def shown(r: ResourceRef) -> Shown:
    """All of it at once, for templates: one call a row is cheaper there than several."""
    return Shown(primary_name(r), secondary_ids(r), locations(r))
