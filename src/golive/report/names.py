"""How every report names a resource and where it is, so they all say it the same way.

A CDK user knows a resource by its construct path (``Trio/Orders/Handler/Resource``) and
the line of the app that created it, not by the logical id CDK derived
(``OrdersHandler4B2C9A10``) or the line in ``cdk.out``. For a resource from a cloud
assembly the construct path comes first and the logical id follows as secondary
information; the app's source file and line, when the assembly records them, come before
the template's. Resources from templates keep the name and place the user wrote.
"""

from __future__ import annotations

from golive.model import ResourceRef


def primary_name(r: ResourceRef) -> str:
    """The name a reader recognises: the construct path, else the id the user wrote."""
    return r.construct_path or r.logical_id


def secondary_ids(r: ResourceRef) -> list[str]:
    """Ids shown after the primary name: CDK's logical id, and the id SAM deploys."""
    ids = [r.logical_id] if r.construct_path else []
    if r.deployed_id:
        ids.append(r.deployed_id)
    return ids


def template_location(r: ResourceRef) -> str:
    """``file:line`` of the resource in the template, or the file alone."""
    return f"{r.file}:{r.line}" if r.line else r.file


def source_location(r: ResourceRef) -> str | None:
    """``file:line`` of the code that created the construct (CDK), when known."""
    where = r.source_location
    if where is None:
        return None
    return f"{where.file}:{where.line}" if where.line else where.file


def best_location(r: ResourceRef) -> str:
    """Where a reader goes to change the resource: the app's source first, else the template."""
    return source_location(r) or template_location(r)


def labelled(r: ResourceRef) -> str:
    """``Trio/Worker/Resource (WorkerBC4A1B2C)``, ``Fn (FnRole)`` or ``Fn``, as plain text."""
    ids = secondary_ids(r)
    return f"{primary_name(r)} ({', '.join(ids)})" if ids else primary_name(r)
