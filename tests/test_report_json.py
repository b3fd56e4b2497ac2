"""The JSON report parses whichever of its lists are empty, and keeps every item."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace

import pytest

from golive.aggregate import summarize
from golive.model import InputError
from golive.report.json_report import render_json
from golive.scan import ScanResult, run_scan
from golive.suppress import UnusedSuppression
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "orders-app" / "edge.yaml"


@pytest.fixture(scope="module")
def scanned() -> ScanResult:
    return run_scan([EXAMPLE])


@pytest.mark.parametrize("filled", list(itertools.product((False, True), repeat=4)))
def test_every_combination_of_empty_lists(
    scanned: ScanResult, filled: tuple[bool, bool, bool, bool]
) -> None:
    error = InputError("a.yaml", 3, 'a "quoted" problem')
    unused = UnusedSuppression("a.yaml", 9, "metadata", "accepts nothing")
    result = replace(
        scanned,
        findings=scanned.findings if filled[0] else [],
        errors=[error, error] if filled[1] else [],
        notes=[error] if filled[2] else [],
        unused_suppressions=[unused, unused] if filled[3] else [],
    )
    summary = summarize(result.findings, result.catalog, resources=1, stacks=1, files=1, errors=0)
    report = json.loads(render_json(result, summary))
    named = [(f["check_id"], f["resource"]["logical_id"], f["status"]) for f in report["findings"]]
    expected = [(f.check_id, f.resource.logical_id, f.status.value) for f in scanned.findings]
    assert named == (expected if filled[0] else [])
    written = {"file": "a.yaml", "line": 3, "message": 'a "quoted" problem'}
    assert report["errors"] == ([written] * 2 if filled[1] else [])
    assert report["notes"] == ([written] if filled[2] else [])
    assert [u["message"] for u in report["unused_suppressions"]] == (
        ["accepts nothing"] * 2 if filled[3] else []
    )
    assert scanned.findings  # the filled case really has findings
