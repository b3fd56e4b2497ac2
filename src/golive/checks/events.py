"""Checks on EventBridge rules (catalogue: ``catalog/events.yaml``)."""

from __future__ import annotations

from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.context import Context
from golive.model import Resource
from golive.values import Reference


def _target_name(target: dict[str, Any], position: int) -> str:
    name = target.get("Id")
    label = name if isinstance(name, str) else f"#{position}"
    arn = target.get("Arn")
    return f"{label} ({arn.logical_id})" if isinstance(arn, Reference) else label


@check("events.target-dead-letter")
def target_dead_letter(rule: Resource, ctx: Context) -> Verdict:
    targets = ctx.value(rule, "Targets")
    if targets.unknown:
        return unknown(f"the targets are not known: {targets.reason}", "Targets")
    items = [t for t in targets.value or [] if isinstance(t, dict)] if targets.known else []
    if not items:
        return not_applicable("no targets: the rule delivers nothing")
    missing = []
    for position, target in enumerate(items, start=1):
        gaps = [
            name
            for name, key in (("DeadLetterConfig", "Arn"), ("RetryPolicy", None))
            if not isinstance(target.get(name), dict) or (key and key not in target[name])
        ]
        if gaps:
            missing.append(f"{_target_name(target, position)} without {' or '.join(gaps)}")
    if missing:
        shown = "; ".join(missing[:3]) + (
            f"; and {len(missing) - 3} more" if len(missing) > 3 else ""
        )
        return failed(
            f"target {shown}: events that fail delivery are retried for up to a day by "
            "default, then dropped",
            "Targets",
        )
    count = len(items)
    return passed(
        f"{'the target has' if count == 1 else f'all {count} targets have'} a dead-letter "
        "queue and a retry policy",
        "Targets",
    )
