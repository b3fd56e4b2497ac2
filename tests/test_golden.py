"""Golden reports: every file format of fixed inputs, byte for byte.

Each case runs ``golive scan`` in-process from the repository root with a relative input
path, so the paths inside the reports are the same on every machine. When a change to the
product changes a report on purpose, rewrite the files with ``pytest --update-golden`` and
read the diff before committing it.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from golive.catalog import load_catalog
from golive.cli import EXIT_FINDINGS, app
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"


@dataclass(frozen=True)
class Case:
    """One input rendered in one format, and the golden file it must match."""

    name: str
    input: str
    format: str

    @property
    def golden(self) -> Path:
        suffix = {
            "markdown": "md",
            "json": "json",
            "sarif": "sarif",
            "junit": "junit.xml",
            "html": "html",
        }[self.format]
        return GOLDEN / f"{self.name}.{suffix}"


INPUTS = {
    "orders-app": "examples/orders-app",
    "plain": "tests/golden/inputs/plain.yaml",
}
CASES = [
    Case(name, path, output_format)
    for name, path in INPUTS.items()
    for output_format in ("markdown", "json", "sarif", "junit", "html")
]


def render(case: Case) -> bytes:
    """The report of ``case`` as ``golive scan`` writes it to standard output."""
    result = CliRunner().invoke(app, ["scan", case.input, "--format", case.format])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    # Both inputs have failures on purpose; 2 would mean an input problem.
    assert result.exit_code == EXIT_FINDINGS, result.output
    return result.stdout_bytes


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    return ROOT


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.golden.name)
def test_report_matches_golden(case: Case, at_root: Path, update_golden: bool) -> None:
    actual = render(case)
    if update_golden:
        case.golden.parent.mkdir(parents=True, exist_ok=True)
        case.golden.write_bytes(actual)
        return
    assert case.golden.is_file(), (
        f"{case.golden.relative_to(ROOT)} is missing; create it with pytest --update-golden"
    )
    expected = case.golden.read_bytes()
    if actual != expected:
        pytest.fail(
            f"{case.golden.relative_to(ROOT)} differs from the report; if the change is "
            "intended, run pytest --update-golden and review the diff\n" + _diff(expected, actual)
        )


def _diff(expected: bytes, actual: bytes, limit: int = 80) -> str:
    """A unified diff of the two reports, cut to ``limit`` lines."""
    lines = list(
        difflib.unified_diff(
            expected.decode("utf-8", "replace").splitlines(keepends=True),
            actual.decode("utf-8", "replace").splitlines(keepends=True),
            "golden",
            "actual",
        )
    )
    if not lines:  # same text, different bytes (line endings, encoding)
        return f"same text, different bytes: {len(expected)} golden, {len(actual)} actual"
    more = f"... {len(lines) - limit} more diff lines\n" if len(lines) > limit else ""
    return "".join(lines[:limit]) + more


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.golden.name)
def test_report_is_deterministic(case: Case, at_root: Path) -> None:
    assert render(case) == render(case)


FINDING_KEYS = {"check_id", "status", "severity", "pillar", "category", "resource", "reason"}
RESOURCE_KEYS = {"logical_id", "type", "file", "line"}
STATUSES = {"FAIL", "PASS", "NOT_APPLICABLE", "UNKNOWN", "ERROR"}


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_json_report_has_documented_keys(name: str, at_root: Path) -> None:
    report = json.loads(render(Case(name, INPUTS[name], "json")))
    assert {"version", "summary", "findings", "errors"} <= set(report)
    assert report["errors"] == []
    assert report["findings"], "the report lists no findings"
    for finding in report["findings"]:
        assert set(finding) >= FINDING_KEYS, finding
        assert set(finding["resource"]) >= RESOURCE_KEYS, finding
        assert finding["status"] in STATUSES, finding
        assert isinstance(finding["reason"], str) and finding["reason"], finding
        resource = finding["resource"]
        assert not Path(resource["file"]).is_absolute(), resource
        assert isinstance(resource["line"], int), resource
    statuses = {f["status"] for f in report["findings"]}
    # The JSON report keeps every verdict, not only the failures.
    assert {"PASS", "NOT_APPLICABLE", "FAIL", "UNKNOWN"} <= statuses
    assert sum(report["summary"]["verdicts"].values()) == len(report["findings"])


def test_example_exercises_every_check(at_root: Path) -> None:
    """The orders-app example gives every check of the catalogue at least one finding."""
    report = json.loads(render(Case("orders-app", INPUTS["orders-app"], "json")))
    checked = {f["check_id"] for f in report["findings"]}
    missing = sorted(set(load_catalog()) - checked)
    assert not missing, f"examples/orders-app exercises no resource for {missing}; extend it"
    by_check: dict[str, set[str]] = {}
    for finding in report["findings"]:
        by_check.setdefault(finding["check_id"], set()).add(finding["status"])
    # The verdicts the example is written to show (see examples/orders-app/README.md).
    assert {"PASS", "FAIL", "NOT_APPLICABLE", "UNKNOWN"} <= by_check["lambda.dead-letter-queue"]
    assert {"PASS", "FAIL", "NOT_APPLICABLE", "UNKNOWN"} <= by_check["lambda.vpc"]
    assert {"PASS", "NOT_APPLICABLE"} <= by_check["cloudfront.geo-restriction"]
    assert {"PASS", "FAIL"} <= by_check["codebuild.encryption-cmk"]
