"""Every Terraform type golive maps appears in a fixture, and every mapping is well formed."""

from __future__ import annotations

import re
from pathlib import Path

from golive.loaders.terraform.mapping.registry import load_mappings

TESTS = Path(__file__).resolve().parent.parent
_RESOURCE = re.compile(r'^\s*resource\s+"(?P<type>[\w-]+)"', re.MULTILINE)

#: A few of each kind, so that an empty registry (a service module not imported) or a fixture
#: search that finds nothing cannot pass unnoticed.
SOME_CONVERTED = ("aws_sqs_queue", "aws_lambda_function", "aws_s3_bucket", "aws_dynamodb_table")
SOME_MERGED = {
    "aws_s3_bucket_versioning": ("aws_s3_bucket",),
    "aws_sqs_queue_redrive_policy": ("aws_sqs_queue",),
}


def fixture_types() -> set[str]:
    found: set[str] = set()
    for path in list((TESTS / "checks").rglob("*.tf")) + list((TESTS / "fixtures").rglob("*.tf")):
        found.update(_RESOURCE.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_mapped_type_has_a_fixture() -> None:
    converters, mergers = load_mappings()
    unregistered = [t for t in (*SOME_CONVERTED, *SOME_MERGED) if t not in {*converters, *mergers}]
    assert not unregistered, f"Terraform types no longer mapped: {unregistered}"
    in_fixtures = fixture_types()
    unseen = [t for t in (*SOME_CONVERTED, *SOME_MERGED) if t not in in_fixtures]
    assert not unseen, f"no .tf fixture under {TESTS} declares {unseen}"
    missing = sorted((set(converters) | set(mergers)) - in_fixtures)
    assert not missing, f"Terraform types mapped without a .tf fixture: {missing}"


def test_mergers_name_mapped_owners() -> None:
    converters, mergers = load_mappings()
    assert {t: mergers[t].into for t in SOME_MERGED if t in mergers} == SOME_MERGED
    without_owner = sorted(tf_type for tf_type, rule in mergers.items() if not rule.into)
    assert not without_owner, f"mergers that name no owner type: {without_owner}"
    unmapped = {
        tf_type: [owner for owner in rule.into if owner not in converters]
        for tf_type, rule in mergers.items()
    }
    unmapped = {tf_type: owners for tf_type, owners in unmapped.items() if owners}
    assert not unmapped, f"mergers into unmapped types: {unmapped}"
