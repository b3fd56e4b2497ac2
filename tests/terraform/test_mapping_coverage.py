"""Every Terraform type golive maps appears in a fixture, and every mapping is well formed."""

from __future__ import annotations

import re
from pathlib import Path

from golive.loaders.terraform.mapping.registry import load_mappings

TESTS = Path(__file__).resolve().parent.parent
_RESOURCE = re.compile(r'^\s*resource\s+"(?P<type>[\w-]+)"', re.MULTILINE)


def fixture_types() -> set[str]:
    found: set[str] = set()
    for path in list((TESTS / "checks").rglob("*.tf")) + list((TESTS / "fixtures").rglob("*.tf")):
        found.update(_RESOURCE.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_mapped_type_has_a_fixture() -> None:
    converters, mergers = load_mappings()
    missing = sorted((set(converters) | set(mergers)) - fixture_types())
    assert not missing, f"Terraform types mapped without a .tf fixture: {missing}"


def test_mergers_name_mapped_owners() -> None:
    converters, mergers = load_mappings()
    for tf_type, rule in mergers.items():
        assert rule.into, tf_type
        unmapped = [owner for owner in rule.into if owner not in converters]
        assert not unmapped, f"{tf_type} merges into unmapped types {unmapped}"
