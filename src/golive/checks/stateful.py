"""Data stores that outlive their stack (catalogue: ``catalog/stateful.yaml``)."""

from __future__ import annotations

from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.context import Context
from golive.model import Resource
from golive.stateful_data import SNAPSHOT_TYPES, holds_no_data
from golive.values import Text, Unknown

_KEEPS = ("Retain", "RetainExceptOnCreate")


def data_store_scope(resource: Resource, ctx: Context) -> Verdict | None:
    """None when ``resource`` holds data of its own; else NOT_APPLICABLE with the reason the
    stack shows it holds none (``holds_no_data``), or UNKNOWN when that rests on a value
    golive cannot read. The scope of every check that protects data stores."""
    no_data = holds_no_data(resource, ctx)
    if isinstance(no_data, Unknown):
        return unknown(no_data.reason)
    if no_data:
        return not_applicable(no_data)
    return None


def _default_deletion(resource: Resource) -> str:
    # NOTE: CloudFormation snapshots RDS clusters and stand-alone DB instances when no
    # DeletionPolicy is given (DeletionPolicy attribute reference); everything else is deleted.
    if resource.type in ("AWS::RDS::DBCluster", "AWS::RDS::DBInstance"):
        return "Snapshot"
    return "Delete"


def _judge(attribute: str, written: Any, resource: Resource, ctx: Context) -> tuple[str, str]:
    """``(state, text)``: state is ``ok``, ``bad`` or ``unknown``."""
    if written is None:
        default = _default_deletion(resource) if attribute == "DeletionPolicy" else "Delete"
        value: Any = default
        shown = f"no {attribute} (CloudFormation's default is {default})"
        if ctx.resolver.stack.source_kind == "terraform":
            shown = "no lifecycle prevent_destroy (Terraform destroys it when asked to)"
    else:
        value = ctx.resolver.resolve(written)
        shown = f"{attribute} {value}"
    if isinstance(value, (Unknown, Text)):
        return "unknown", f"{attribute} is not known: {value.reason}"
    keeps = _KEEPS if attribute == "DeletionPolicy" else _KEEPS[:1]
    if value in keeps:
        return "ok", f"{attribute} {value}"
    if value == "Snapshot":
        if resource.type in SNAPSHOT_TYPES:
            return "ok", shown
        return "bad", f"{attribute} Snapshot is not supported for {resource.type}: use Retain"
    when = "the stack is deleted" if attribute == "DeletionPolicy" else "an update replaces it"
    if ctx.resolver.stack.source_kind == "terraform":
        when = "it is destroyed" if attribute == "DeletionPolicy" else "a change replaces it"
    return "bad", f"{shown}: the data is deleted when {when}"


@check("stateful.deletion-policy")
def deletion_policy(resource: Resource, ctx: Context) -> Verdict:
    if not ctx.option("require_retention"):
        return not_applicable(
            f"the {ctx.profile.value} profile lets a stack take its data stores with it"
        )
    scope = data_store_scope(resource, ctx)
    if scope is not None:
        return scope
    judged = [
        ("DeletionPolicy", *_judge("DeletionPolicy", resource.deletion_policy, resource, ctx)),
        (
            "UpdateReplacePolicy",
            *_judge("UpdateReplacePolicy", resource.update_replace_policy, resource, ctx),
        ),
    ]
    bad = [(name, text) for name, state, text in judged if state == "bad"]
    if bad:
        return failed("; ".join(text for _, text in bad), bad[0][0])
    unsure = [(name, text) for name, state, text in judged if state == "unknown"]
    if unsure:
        return unknown("; ".join(text for _, text in unsure), unsure[0][0])
    return passed(", ".join(text for _, _, text in judged))
