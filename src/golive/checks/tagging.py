"""Required tags on every taggable resource (catalogue: ``catalog/tagging.yaml``)."""

from __future__ import annotations

from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.context import Context, Value
from golive.model import Resource
from golive.taggable import tag_property


def _keys(tags: Any) -> tuple[set[str], bool] | None:
    """Readable tag keys from the list ([{Key, Value}]) or map form, and whether some are not.

    None when ``tags`` is neither form.
    """
    if isinstance(tags, dict):
        return {str(k) for k in tags}, False
    if isinstance(tags, list):
        keys = [t["Key"] for t in tags if isinstance(t, dict) and isinstance(t.get("Key"), str)]
        return set(keys), len(keys) < len(tags)
    return None


def _nested_tags(resource: Resource, prop: str, ctx: Context) -> Value:
    """Tags kept per item of a list, as in ``TagSpecifications.*.Tags``: their union."""
    head, _, tail = prop.partition(".*.")
    items = ctx.value(resource, head)
    if not items.known or not isinstance(items.value, list):
        return items
    union: list[Any] = []
    for item in items.value:
        tags = item.get(tail) if isinstance(item, dict) else None
        if isinstance(tags, list):
            union.extend(tags)
    return Value(union) if union else Value(absent=True)


@check("tagging.required-tags")
def required_tags(resource: Resource, ctx: Context) -> Verdict:
    prop = tag_property(resource.type)
    if prop is None:
        return not_applicable(f"{resource.type} cannot be tagged")
    required = ctx.settings.required_tags
    if not required:
        return not_applicable("no required tags configured")
    if ".*." in prop:
        tags = _nested_tags(resource, prop, ctx)
    else:
        tags = ctx.value(resource, prop)
    if tags.unknown:
        return unknown(f"tags are not known: {tags.reason}", prop)
    present = set(ctx.settings.stack_tags)
    unreadable = False
    if tags.known:
        keys = _keys(tags.value)
        if keys is None:
            return unknown(f"{prop} holds values golive cannot read as tags", prop)
        present |= keys[0]
        unreadable = keys[1]
    missing = [key for key in required if key not in present]
    if missing and unreadable:
        return unknown(
            f"{prop} holds keys golive cannot read; missing unless among them: "
            + ", ".join(missing),
            prop,
        )
    if missing:
        return failed("missing tags " + ", ".join(missing), prop)
    return passed("carries " + ", ".join(required), prop)
