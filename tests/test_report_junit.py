"""The JUnit report: parses, one test case per verdict, counts that add up."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import replace

import pytest

from golive.report import junit
from golive.report.registry import ReportOptions
from tests.conftest import ROOT
from tests.report_samples import EVIL_ID, EVIL_SUPPRESSION, sample, sample_findings, scan

COUNTS = ("tests", "failures", "errors", "skipped")


def _count(element: ET.Element) -> dict[str, int]:
    return {key: int(element.get(key, "-1")) for key in COUNTS}


def _tally(cases: list[ET.Element]) -> dict[str, int]:
    return {
        "tests": len(cases),
        "failures": sum(1 for c in cases if c.find("failure") is not None),
        "errors": sum(1 for c in cases if c.find("error") is not None),
        "skipped": sum(1 for c in cases if c.find("skipped") is not None),
    }


def _check_counts(root: ET.Element) -> None:
    """Every suite's counts match its cases, and the root's match the sum of the suites."""
    assert root.tag == "testsuites"
    total: Counter[str] = Counter()
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        assert _count(suite) == _tally(cases), suite.get("name")
        total.update(_count(suite))
        for case in cases:
            assert case.get("classname") == suite.get("name")
            outcomes = [c.tag for c in case if c.tag in {"failure", "error", "skipped"}]
            assert len(outcomes) <= 1, outcomes
    assert _count(root) == {key: total[key] for key in COUNTS}


@pytest.fixture(scope="module")
def orders_app() -> tuple[str, dict[str, object]]:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        return scan("examples/orders-app", "junit"), json.loads(scan("examples/orders-app", "json"))


def test_orders_app_counts_match_the_verdicts(orders_app: tuple[str, dict[str, object]]) -> None:
    text, report = orders_app
    root = ET.fromstring(text)
    _check_counts(root)
    verdicts = report["summary"]["verdicts"]  # type: ignore[index]
    assert int(root.get("tests", "0")) == sum(verdicts.values())
    assert int(root.get("failures", "0")) == verdicts["FAIL"]
    assert int(root.get("errors", "0")) == verdicts["ERROR"]
    skipped = verdicts["NOT_APPLICABLE"] + verdicts["UNKNOWN"] + verdicts["SUPPRESSED"]
    assert int(root.get("skipped", "0")) == skipped


def test_orders_app_cases_name_resource_and_place(
    orders_app: tuple[str, dict[str, object]],
) -> None:
    root = ET.fromstring(orders_app[0])
    suite = root.find("testsuite[@name='lambda.reserved-concurrency']")
    assert suite is not None
    case = suite.find(
        "testcase[@name='NotifyShipmentFunction examples/orders-app/template.yaml:294']"
    )
    assert case is not None
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("type") == "medium"
    assert failure.get("message", "").startswith("no reserved concurrency")
    assert "golive explain lambda.reserved-concurrency" in (failure.text or "")
    assert case.get("file") == "examples/orders-app/template.yaml"
    assert case.get("line") == "294"


def test_every_status_maps_to_its_element() -> None:
    result, summary = sample()
    root = ET.fromstring(junit.render(result, summary, ReportOptions(title="sample")))
    _check_counts(root)
    assert _count(root) == {"tests": 11, "failures": 4, "errors": 2, "skipped": 4}
    cases = {
        (c.get("classname"), c.get("name", "").split(" ")[0]): c for c in root.iter("testcase")
    }
    batch = cases[("lambda.reserved-concurrency", "Batch")].find("skipped")
    assert batch is not None
    assert batch.get("message") == f"suppressed (metadata): {EVIL_SUPPRESSION}"
    legacy = cases[("lambda.dead-letter-queue", "Legacy")].find("skipped")
    assert legacy is not None and "not decidable" in legacy.get("message", "")
    seed = cases[("lambda.reserved-concurrency", "Seed")].find("skipped")
    assert seed is not None and seed.get("message", "").startswith("not applicable")
    assert cases[("rds.multi-az", "Database")].find("error") is not None
    passed = cases[("lambda.reserved-concurrency", "Payments")]
    assert list(passed) == []
    evil = next(c for c in root.iter("testcase") if c.get("name", "").startswith(EVIL_ID))
    assert evil.find("failure") is not None
    known = cases[("logs.retention", "AppLogs")].find("failure")
    assert known is not None and "Baseline: a known failure" in (known.text or "")
    inputs = root.find(f"testsuite[@name='{junit.INPUTS_SUITE}']")
    assert inputs is not None
    error = inputs.find("testcase/error")
    assert error is not None and error.get("message") == "cannot parse: <unexpected> '&' here"


def test_characters_xml_cannot_carry_are_replaced() -> None:
    result, summary = sample()
    finding = sample_findings()[0]
    result.findings = [replace(finding, reason="bad \x07 byte\x00")]
    root = ET.fromstring(junit.render(result, summary, ReportOptions(title="sample")))
    failure = root.find(".//failure")
    assert failure is not None
    assert failure.get("message") == "bad \ufffd byte\ufffd"


def test_deterministic_and_without_timestamps(orders_app: tuple[str, dict[str, object]]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        again = scan("examples/orders-app", "junit")
    assert again == orders_app[0]
    for element in ET.fromstring(again).iter():
        assert "timestamp" not in element.attrib and "hostname" not in element.attrib
