"""The Implementation Checklist: items golive verified, and items only people can attest.

An automated item gathers every check that names it in the catalogue (``checklist``). It is
ticked when those checks judged at least one resource and found no FAIL and no UNKNOWN.
"""

from __future__ import annotations

from dataclasses import dataclass

from golive.aggregate import Summary
from golive.attested import load_attested
from golive.model import Status


@dataclass(frozen=True)
class ChecklistItem:
    """One line of the checklist."""

    text: str
    done: bool
    note: str


def checklist(summary: Summary) -> list[ChecklistItem]:
    """Automated items in catalogue order, then the attested ones."""
    groups: dict[str, list[str]] = {}
    for check_id, item in summary.checks.items():
        groups.setdefault(item.meta.checklist, []).append(check_id)
    items = []
    for text, check_ids in groups.items():
        judged = sum(summary.checks[c].judged for c in check_ids)
        failing = sum(len(summary.checks[c].failing) for c in check_ids)
        unknown = sum(summary.checks[c].counts.get(Status.UNKNOWN, 0) for c in check_ids)
        if judged == 0 and unknown == 0:
            items.append(
                ChecklistItem(text, False, "nothing in the templates to verify; attest it")
            )
        elif failing or unknown:
            total = judged + unknown
            parts = [f"{failing} of {total} failing"] if failing else []
            parts += [f"{unknown} of {total} not decidable"] if unknown else []
            items.append(ChecklistItem(text, False, ", ".join(parts)))
        else:
            noun = "resource" if judged == 1 else "resources"
            items.append(ChecklistItem(text, True, f"verified on {judged} {noun}"))
    items += [ChecklistItem(p.checklist, False, "attest manually") for p in load_attested()]
    return items
