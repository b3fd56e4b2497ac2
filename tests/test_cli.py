"""The command line: exit codes, parameters, settings, rules and explain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from golive.cli import app

RUNNER = CliRunner()

LOG_GROUPS = """\
Parameters:
  Days:
    Type: Number
    Default: 30
Resources:
  Short:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: !Ref Days
      KmsKeyId: arn:aws:kms:eu-west-1:123456789012:key/1
      Tags:
        - {Key: Environment, Value: p}
        - {Key: Project, Value: p}
        - {Key: Team, Value: p}
        - {Key: CostCenter, Value: "1"}
"""


@pytest.fixture
def template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "template.yaml"
    path.write_text(LOG_GROUPS)
    return path


def scan_json(*args: str) -> tuple[int, dict[str, object]]:
    result = RUNNER.invoke(app, ["scan", *args, "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def retention(report: dict[str, object]) -> dict[str, object]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return next(f for f in findings if f["check_id"] == "logs.retention")


def test_fail_exits_1_and_fail_on_raises_the_bar(template: Path) -> None:
    code, report = scan_json(str(template))
    assert code == 1
    assert retention(report)["status"] == "FAIL"
    code, _ = scan_json(str(template), "--fail-on", "high")
    assert code == 0
    code, _ = scan_json(str(template), "--fail-on", "never")
    assert code == 0


def test_profile_changes_the_threshold(template: Path) -> None:
    code, report = scan_json(str(template), "--profile", "development")
    assert code == 0
    assert retention(report)["status"] == "PASS"


def test_parameter_overrides_the_default(template: Path) -> None:
    code, report = scan_json(str(template), "--parameter", "Days=400")
    assert code == 0, report
    assert "400 days" in str(retention(report)["reason"])


@pytest.mark.parametrize(
    "content",
    [
        '{"Days": "400"}',
        '[{"ParameterKey": "Days", "ParameterValue": "400"}]',
        '{"Parameters": {"Days": 400}}',
        "Days: 400\n",
    ],
)
def test_parameters_file_formats(template: Path, tmp_path: Path, content: str) -> None:
    values = tmp_path / "values.json"
    values.write_text(content)
    code, report = scan_json(str(template), "--parameters-file", str(values))
    assert code == 0
    assert retention(report)["status"] == "PASS"


def test_bad_parameter_is_a_usage_error(template: Path) -> None:
    result = RUNNER.invoke(app, ["scan", str(template), "--parameter", "Days"])
    assert result.exit_code == 2
    assert "KEY=VALUE" in result.stderr


def test_missing_path_exits_2_with_the_path_named(tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["scan", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "nope" in result.stderr and "no such file" in result.stderr


def test_settings_file_sets_required_tags_and_rejects_unknown_keys(
    template: Path, tmp_path: Path
) -> None:
    (tmp_path / "golive.toml").write_text('required-tags = ["Owner"]\n')
    _, report = scan_json(str(template), "--fail-on", "never")
    findings = report["findings"]
    assert isinstance(findings, list)
    tags = next(f for f in findings if f["check_id"] == "tagging.required-tags")
    assert tags["status"] == "FAIL" and "Owner" in tags["reason"]
    (tmp_path / "golive.toml").write_text("required_tag = []\n")
    result = RUNNER.invoke(app, ["scan", str(template)])
    assert result.exit_code == 2
    assert "golive.toml" in result.stderr and "required_tag" in result.stderr


def test_output_file_and_markdown(template: Path, tmp_path: Path) -> None:
    out = tmp_path / "review.md"
    result = RUNNER.invoke(
        app, ["scan", str(template), "-f", "markdown", "-o", str(out), "--title", "Orders"]
    )
    assert result.exit_code == 1
    text = out.read_text()
    assert text.startswith("# AWS Production Readiness Review: Orders")
    assert "1 CloudWatch log group without adequate retention" in text
    assert "## Implementation Checklist" in text


def test_terminal_output_to_a_file_has_no_colour(template: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.txt"
    RUNNER.invoke(app, ["scan", str(template), "-o", str(out)])
    text = out.read_text()
    assert "\x1b[" not in text
    assert "logs.retention" in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_rules_and_explain() -> None:
    result = RUNNER.invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0
    ids = [rule["id"] for rule in json.loads(result.stdout)]
    assert "lambda.dead-letter-queue" in ids and "rds.multi-az" in ids
    explained = RUNNER.invoke(app, ["explain", "logs.retention"])
    assert explained.exit_code == 0
    assert "production 365" in explained.stdout and "## Remediation" in explained.stdout
    missing = RUNNER.invoke(app, ["explain", "logs.nope"])
    assert missing.exit_code == 2


def test_version() -> None:
    result = RUNNER.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("golive ")


def test_several_formats_in_one_run(template: Path, tmp_path: Path) -> None:
    report, review = tmp_path / "r.json", tmp_path / "out" / "r.md"
    args = [
        "scan",
        str(template),
        "-f",
        "json",
        "-o",
        str(report),
        "-f",
        "markdown",
        "-o",
        str(review),
    ]
    result = RUNNER.invoke(app, args)
    assert result.exit_code == 1
    assert json.loads(report.read_text())["findings"]
    assert review.read_text().startswith("# AWS Production Readiness Review")
    result = RUNNER.invoke(
        app, ["scan", str(template), "-f", "json", "-f", "markdown", "--output-dir", "all"]
    )
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == ["golive.json", "golive.md"]
    for wrong in (
        ["-f", "json", "-f", "markdown"],
        ["-f", "xml"],
        ["-f", "json", "-o", "a", "-o", "b"],
    ):
        result = RUNNER.invoke(app, ["scan", str(template), *wrong])
        assert result.exit_code == 2, wrong
        assert "golive: error:" in result.stderr


def test_checklist_and_attested_rules() -> None:
    result = RUNNER.invoke(app, ["checklist"])
    assert result.exit_code == 0
    assert "- [ ] Load testing performed (`attest.load-testing`)" in result.stdout
    rules = json.loads(RUNNER.invoke(app, ["rules", "--format", "json"]).stdout)
    kinds = {rule["kind"] for rule in rules}
    assert kinds == {"automated", "attested"}
    attested = [rule for rule in rules if rule["kind"] == "attested"]
    assert {"id", "title", "pillar", "category", "why"} <= set(attested[0])
