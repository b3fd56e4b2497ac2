"""The JSON report parses whichever of its lists are empty, and keeps every item."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from pathlib import Path

import pytest

from golive.aggregate import summarize
from golive.model import InputError
from golive.report.json_report import render_json
from golive.scan import ScanResult, run_scan
from golive.suppress import UnusedSuppression

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "orders-app" / "edge.yaml"


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
    counts = [len(report[key]) for key in ("findings", "errors", "notes", "unused_suppressions")]
    assert counts == [
        len(scanned.findings) if filled[0] else 0,
        2 if filled[1] else 0,
        1 if filled[2] else 0,
        2 if filled[3] else 0,
    ]
    assert scanned.findings  # the filled case really has findings
    if filled[1]:
        assert report["errors"][0] == {"file": "a.yaml", "line": 3, "message": 'a "quoted" problem'}
