"""Practices people attest: what no template can show, kept as data beside the checks.

Each entry has an id (``attest.<slug>``), a title, a pillar, a category, why a template
cannot show it, and its line in the Implementation Checklist. Read once, on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from golive.catalog import CATEGORIES, CatalogError
from golive.model import Pillar

_ID = re.compile(r"^attest\.[a-z0-9-]+$")
_FIELDS = {"title", "pillar", "category", "why", "checklist"}


@dataclass(frozen=True)
class AttestedPractice:
    """A practice only people can confirm."""

    id: str
    title: str
    pillar: Pillar
    category: str
    why: str
    checklist: str


@cache
def load_attested() -> tuple[AttestedPractice, ...]:
    """Every attested practice, in file order, validated."""
    text = resources.files("golive").joinpath("data/attested.yaml").read_text("utf-8")
    raw = yaml.safe_load(text) or {}
    practices = []
    for practice_id, body in raw.items():
        where = f"data/attested.yaml: {practice_id}"
        if not _ID.match(practice_id):
            raise CatalogError(f"{where}: ids look like 'attest.load-testing'")
        if not isinstance(body, dict) or set(body) != _FIELDS:
            raise CatalogError(f"{where}: give exactly the fields {sorted(_FIELDS)}")
        if body["category"] not in CATEGORIES:
            raise CatalogError(f"{where}: category must be one of {CATEGORIES}")
        practices.append(
            AttestedPractice(
                id=practice_id,
                title=str(body["title"]),
                pillar=Pillar(body["pillar"]),
                category=str(body["category"]),
                why=str(body["why"]),
                checklist=str(body["checklist"]),
            )
        )
    return tuple(practices)


def checklist_markdown() -> str:
    """The attested practices as a Markdown checklist grouped by pillar."""
    lines = ["# Practices to attest", "", "No template shows these; confirm each one yourself.", ""]
    for pillar in Pillar:
        items = [p for p in load_attested() if p.pillar is pillar]
        if not items:
            continue
        lines += [f"## {pillar.label}", ""]
        lines += [f"- [ ] {p.checklist} (`{p.id}`): {p.why}" for p in items]
        lines.append("")
    return "\n".join(lines)
