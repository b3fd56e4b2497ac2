"""Baselines: record the FAILs, then fail only on new ones, whatever moves in the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from golive.baseline import Baseline, finding_key, mark_known, read_baseline, render_baseline
from golive.cli import app
from golive.model import Status
from golive.scan import run_scan

RUNNER = CliRunner()

TAGS = """\
      Tags:
        - {Key: Environment, Value: p}
        - {Key: Project, Value: p}
        - {Key: Team, Value: p}
        - {Key: CostCenter, Value: "1"}
"""


def log_group(name: str, extra: str = "") -> str:
    """A tagged log group that fails logs.encryption (and logs.retention without ``extra``)."""
    return f"  {name}:\n    Type: AWS::Logs::LogGroup\n    Properties:\n{extra}{TAGS}"


def template(*resources: str) -> str:
    return "Resources:\n" + "\n".join(resources)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "app.yaml").write_text(template(log_group("Audit"), log_group("Debug")))
    return tmp_path


def scan(*args: str) -> tuple[int, dict[str, object]]:
    result = RUNNER.invoke(app, ["scan", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def new_failures(report: dict[str, object]) -> list[tuple[str, str]]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return [
        (f["check_id"], f["resource"]["logical_id"])
        for f in findings
        if f["status"] == "FAIL" and not f.get("in_baseline")
    ]


def test_baseline_records_fails_without_lines_and_deterministically(project: Path) -> None:
    result = RUNNER.invoke(app, ["baseline", "golive-baseline.json", "infra"])
    assert result.exit_code == 0, result.output
    assert "recorded 4 FAILs in golive-baseline.json" in result.stdout
    text = (project / "golive-baseline.json").read_text()
    data = json.loads(text)
    assert data["golive-baseline"] == 1
    assert data["failures"] == [
        {
            "check_id": "logs.encryption",
            "file": "infra/app.yaml",
            "logical_id": "Audit",
            "attribute": "KmsKeyId",
        },
        {
            "check_id": "logs.encryption",
            "file": "infra/app.yaml",
            "logical_id": "Debug",
            "attribute": "KmsKeyId",
        },
        {
            "check_id": "logs.retention",
            "file": "infra/app.yaml",
            "logical_id": "Audit",
            "attribute": "RetentionInDays",
        },
        {
            "check_id": "logs.retention",
            "file": "infra/app.yaml",
            "logical_id": "Debug",
            "attribute": "RetentionInDays",
        },
    ]
    assert '"line"' not in text
    RUNNER.invoke(app, ["baseline", "golive-baseline.json", "infra"])
    assert (project / "golive-baseline.json").read_text() == text


def test_known_fails_pass_and_only_new_ones_fail(project: Path) -> None:
    RUNNER.invoke(app, ["baseline", "golive-baseline.json", "infra"])
    code, report = scan("infra", "--baseline", "golive-baseline.json")
    assert code == 0
    assert new_failures(report) == []
    summary = report["summary"]
    assert isinstance(summary, dict)
    assert summary["baseline"] == {"file": "golive-baseline.json", "known": 4, "new": 0, "fixed": 0}
    assert summary["verdicts"]["FAIL"] == 4  # known FAILs are still FAILs in the review

    # Insert a compliant resource at the top (every line shifts) and swap the two log groups.
    key = "      KmsKeyId: arn:aws:kms:eu-west-1:123456789012:key/1\n"
    days = "      RetentionInDays: 365\n"
    (project / "infra" / "app.yaml").write_text(
        template(log_group("Compliant", key + days), log_group("Debug"), log_group("Audit"))
    )
    code, report = scan("infra", "--baseline", "golive-baseline.json")
    assert code == 0, new_failures(report)

    # A new failing resource, anywhere in the file, is new; the known ones stay known.
    (project / "infra" / "app.yaml").write_text(
        template(log_group("Debug"), log_group("Fresh", days), log_group("Audit"))
    )
    code, report = scan("infra", "--baseline", "golive-baseline.json")
    assert code == 1
    assert new_failures(report) == [("logs.encryption", "Fresh")]


def test_fixed_failures_are_counted_and_shown(project: Path) -> None:
    RUNNER.invoke(app, ["baseline", "golive-baseline.json", "infra"])
    days = "      RetentionInDays: 365\n"
    (project / "infra" / "app.yaml").write_text(
        template(log_group("Audit", days), log_group("Debug"))
    )
    code, report = scan("infra", "--baseline", "golive-baseline.json")
    assert code == 0
    summary = report["summary"]
    assert isinstance(summary, dict)
    assert summary["baseline"]["fixed"] == 1
    terminal = RUNNER.invoke(app, ["scan", "infra", "--baseline", "golive-baseline.json"])
    assert "baseline golive-baseline.json: 0 new FAIL, 3 known, 1 fixed" in terminal.stdout
    markdown = RUNNER.invoke(
        app, ["scan", "infra", "--baseline", "golive-baseline.json", "-f", "markdown"]
    ).stdout
    assert "3 FAILs already recorded, **0 new**, 1 recorded failure no longer occurs" in markdown
    assert "| FAIL (baseline) |" in markdown


def test_baseline_works_from_another_working_directory(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    RUNNER.invoke(app, ["baseline", "ci/golive-baseline.json", "infra"])
    monkeypatch.chdir(project / "infra")
    code, report = scan("app.yaml", "--baseline", "../ci/golive-baseline.json")
    assert code == 0, new_failures(report)


def test_each_record_excuses_one_failure(project: Path) -> None:
    result = run_scan([project / "infra"])
    fails = [f for f in result.findings if f.status is Status.FAIL]
    path = project / "b.json"
    one = fails[0]
    known = read_baseline_from(path, render_baseline([one], path))
    marked, fixed = mark_known([one, one], known)
    assert [f.in_baseline for f in marked] == [True, False]
    assert fixed == 0
    assert finding_key(one, project) == (
        one.check_id,
        "infra/app.yaml",
        one.resource.logical_id,
        None,
        one.attribute,
    )


def read_baseline_from(path: Path, text: str) -> Baseline:
    path.write_text(text)
    return read_baseline(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such baseline; create it with `golive baseline"),
        ("{not json", "cannot read the baseline"),
        ('{"failures": []}', "not a golive baseline"),
        ('{"golive-baseline": 1, "failures": {}}', "'failures' must be a list"),
        ('{"golive-baseline": 1, "failures": [{"check_id": "x"}]}', "failure 1 needs"),
        ('{"golive-baseline": 1, "failures": [{"line": 3}]}', "failure 1 must be an object"),
    ],
)
def test_unusable_baseline_exits_2_naming_the_file(
    project: Path, content: str | None, message: str
) -> None:
    if content is not None:
        (project / "b.json").write_text(content)
    result = RUNNER.invoke(app, ["scan", "infra", "--baseline", "b.json"])
    assert result.exit_code == 2
    assert "b.json" in result.stderr and message in result.stderr


def test_settings_name_the_baseline(project: Path) -> None:
    RUNNER.invoke(app, ["baseline", "ci/known.json", "infra"])
    (project / "golive.toml").write_text('baseline = "ci/known.json"\n')
    code, report = scan("infra")
    assert code == 0
    summary = report["summary"]
    assert isinstance(summary, dict)
    assert summary["baseline"]["known"] == 4


def test_baseline_command_reports_input_problems(project: Path) -> None:
    (project / "infra" / "broken.yaml").write_text(
        'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  X: [unclosed\n'
    )
    result = RUNNER.invoke(app, ["baseline", "b.json", "infra"])
    assert result.exit_code == 2
    assert (project / "b.json").is_file()
    assert "broken.yaml" in result.stderr and "correct the input problems above" in result.stderr
