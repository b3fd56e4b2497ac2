"""The JSON report parses whichever of its lists are empty, and keeps every item."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace

import pytest

from golive.aggregate import summarize
from golive.model import Finding, InputError, Location, ResourceRef, Status, Suppression
from golive.report.json_report import finding_json, finding_line, render_json
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


def _findings_of_every_shape(scanned: ScanResult) -> list[Finding]:
    first = scanned.findings[0]
    cdk = ResourceRef(
        "Fn9A3E1F2B",
        "AWS::Lambda::Function",
        "cdk.out/App.template.json",
        None,
        deployed_id="Fn",
        source_type="Custom::Thing",
        construct_path="App/Fn/Resource",
        source_location=Location("lib/app.ts", 12),
    )
    odd = 'a "quoted" reason\\ with a tab\t, a line\nbreak, \u00e9t\u00e9 and \U0001f600'
    return [
        first,
        replace(first, attribute="Environment.Variables", reason=odd),
        replace(first, resource=cdk, category="Data \u2013 protection"),
        replace(first, status=Status.SUPPRESSED, suppression=Suppression("metadata", odd)),
        replace(first, in_baseline=True),
    ]


def test_a_finding_written_out_directly_reads_as_its_json_object(scanned: ScanResult) -> None:
    encode = json.JSONEncoder(ensure_ascii=False).encode
    for finding in _findings_of_every_shape(scanned):
        line = finding_line(finding, {})
        assert line == encode(finding_json(finding))  # the same characters
        assert json.loads(line) == finding_json(finding)
    # a resource's text is kept by the identity of its reference, and used again
    resources: dict[int, str] = {}
    shapes = _findings_of_every_shape(scanned)
    finding_line(shapes[2], resources)
    assert list(resources.values()) == [encode(finding_json(shapes[2])["resource"])]
