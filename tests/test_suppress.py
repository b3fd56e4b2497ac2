"""The suppress stage: every form, reasons, the crosswalk, scoping, SAM, reports, exit codes."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from golive.catalog import load_catalog
from golive.cli import app
from golive.loaders.comments import comment_of
from golive.model import Finding, Status
from golive.scan import ScanResult, run_scan
from golive.settings import Settings, parse_settings
from golive.suppress import apply_suppressions

HERE = Path(__file__).resolve().parent / "suppress"
RUNNER = CliRunner()


def verdicts(result: ScanResult, check_id: str) -> dict[str, Finding]:
    """The findings of one check by deployed id (the logical id when not generated)."""
    return {
        (f.resource.deployed_id or f.resource.logical_id): f
        for f in result.findings
        if f.check_id == check_id
    }


def write(tmp_path: Path, text: str, name: str = "template.yaml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_each_form_suppresses_with_its_source_and_reason() -> None:
    result = run_scan([HERE / "forms.yaml"])
    assert not result.errors, result.errors
    found = verdicts(result, "logs.encryption")
    expected = {
        "ByGoliveMetadata": ("metadata", "holds only the public build output"),
        "ByGoliveComment": ("golive-comment", "holds only the public build output"),
        "ByCheckovComment": ("checkov-comment", "encrypted by the account's default key policy"),
        "ByCheckovMetadata": ("checkov-metadata", "encrypted by the account's default key policy"),
    }
    for logical_id, (source, reason) in expected.items():
        finding = found[logical_id]
        assert finding.status is Status.SUPPRESSED, logical_id
        assert finding.suppression is not None
        assert (finding.suppression.source, finding.suppression.reason) == (source, reason)
        assert finding.suppression.status is Status.FAIL
        assert "KMS" in finding.reason  # the check's own finding is kept beside the reason
    cdk = verdicts(result, "codebuild.encryption-cmk")["ByCdkNag"]
    assert cdk.suppression is not None
    assert (cdk.suppression.source, cdk.suppression.reason) == (
        "cdk_nag",
        "the artifacts are public release bundles",
    )
    assert found["NotSuppressed"].status is Status.FAIL
    # No catalogue entry lists cfn_nag's W84 (log group KMS key): it means nothing to golive.
    assert found["ByCfnNag"].status is Status.FAIL


def test_cfn_nag_ids_map_through_the_crosswalk() -> None:
    catalog = dict(load_catalog())
    meta = catalog["logs.encryption"]
    catalog["logs.encryption"] = replace(meta, crosswalk={**meta.crosswalk, "cfn_nag": ("W84",)})
    plain = run_scan([HERE / "forms.yaml"])
    suppressed = apply_suppressions(plain.findings, plain.stacks, Settings(), catalog)
    finding = next(
        f
        for f in suppressed.findings
        if f.check_id == "logs.encryption" and f.resource.logical_id == "ByCfnNag"
    )
    assert finding.suppression is not None
    assert finding.suppression.source == "cfn_nag"
    assert finding.suppression.reason == "reviewed with the security team in ticket SEC-12"


def test_suppression_changes_only_fail_and_unknown(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
Parameters:
  Days: {Type: Number}
Resources:
  Unknown:  # golive:skip=logs.retention set by the platform team's parameter store
    Type: AWS::Logs::LogGroup
    Properties: {RetentionInDays: !Ref Days}
  Passing:  # golive:skip=logs.retention kept on purpose
    Type: AWS::Logs::LogGroup
    Properties: {RetentionInDays: 365}
""",
    )
    result = run_scan([path])
    found = verdicts(result, "logs.retention")
    assert found["Unknown"].status is Status.SUPPRESSED
    assert found["Unknown"].suppression is not None
    assert found["Unknown"].suppression.status is Status.UNKNOWN
    assert found["Passing"].status is Status.PASS and found["Passing"].suppression is None
    # The suppression on the passing log group accepted nothing: reported as unused.
    assert [u.line for u in result.unused_suppressions] == [7]
    assert "accepts no FAIL or UNKNOWN" in result.unused_suppressions[0].message


@pytest.mark.parametrize(
    ("form", "source"),
    [
        ("Metadata: {golive: {skip: [{id: logs.encryption}]}}", "metadata"),
        ("Metadata: {golive: {skip: [{id: logs.encryption, reason: '  '}]}}", "metadata"),
        ("Metadata: {checkov: {skip: [{id: CKV_AWS_158}]}}", "checkov-metadata"),
        ("Metadata: {cdk_nag: {rules_to_suppress: [{id: AwsSolutions-CB4}]}}", "cdk_nag"),
        ("# checkov:skip=CKV_AWS_158", "checkov-comment"),
        ("# golive:skip=logs.encryption", "golive-comment"),
    ],
)
def test_suppression_without_a_reason_is_reported_and_not_honoured(
    tmp_path: Path, form: str, source: str
) -> None:
    resource_type = "AWS::CodeBuild::Project" if "cdk_nag" in form else "AWS::Logs::LogGroup"
    path = write(
        tmp_path,
        f"""\
Resources:
  Target:
    Type: {resource_type}
    {form}
""",
    )
    result = run_scan([path])
    check = "codebuild.encryption-cmk" if "cdk_nag" in form else "logs.encryption"
    assert verdicts(result, check)["Target"].status is Status.FAIL
    assert len(result.errors) == 1, result.errors
    error = result.errors[0]
    assert error.file == str(path)
    assert error.line == (4 if form.startswith("#") else 2)
    assert f"{source} suppression" in error.message and "has no reason" in error.message


def test_missing_reason_exits_2_and_is_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        "Resources:\n  Logs:  # checkov:skip=CKV_AWS_158\n    Type: AWS::Logs::LogGroup\n",
    )
    result = RUNNER.invoke(app, ["scan", "template.yaml", "--format", "json"])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["errors"][0]["line"] == 2
    assert "no reason" in report["errors"][0]["message"]


def test_unknown_golive_id_and_malformed_metadata_are_input_problems(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
Resources:
  Typo:  # golive:skip=logs.encrypton the key is managed elsewhere
    Type: AWS::Logs::LogGroup
  Malformed:
    Type: AWS::Logs::LogGroup
    Metadata:
      golive:
        skip: logs.encryption
""",
    )
    result = run_scan([path])
    messages = [(e.line, e.message) for e in result.errors]
    assert messages[0][0] == 2 and "no golive check 'logs.encrypton'" in messages[0][1]
    assert messages[1][0] == 4 and "Metadata.golive.skip must be a list" in messages[1][1]


def test_checkov_ids_map_through_the_crosswalk(tmp_path: Path) -> None:
    # logs.retention lists both CKV_AWS_66 and CKV_AWS_338; either id suppresses it.
    path = write(
        tmp_path,
        """\
Resources:
  First:  # checkov:skip=CKV_AWS_66: short-lived debug logs
    Type: AWS::Logs::LogGroup
  Second:
    Type: AWS::Logs::LogGroup
    Metadata:
      checkov:
        skip:
          - {id: CKV_AWS_338, comment: short-lived debug logs}
          - {id: CKV_AWS_999, comment: a Checkov rule golive has no counterpart for}
""",
    )
    result = run_scan([path])
    assert not result.errors
    found = verdicts(result, "logs.retention")
    assert found["First"].status is Status.SUPPRESSED
    assert found["Second"].status is Status.SUPPRESSED
    # CKV_AWS_66 is not a log-encryption rule: logs.encryption still fails.
    assert verdicts(result, "logs.encryption")["First"].status is Status.FAIL


def test_one_foreign_id_suppresses_every_check_that_lists_it() -> None:
    catalog = dict(load_catalog())
    for check_id in ("logs.retention", "logs.encryption"):
        catalog[check_id] = replace(catalog[check_id], crosswalk={"checkov": ("CKV_AWS_158",)})
    plain = run_scan([HERE / "forms.yaml"])
    suppressed = apply_suppressions(plain.findings, plain.stacks, Settings(), catalog)
    by_check = {
        f.check_id: f.status
        for f in suppressed.findings
        if f.resource.logical_id == "ByCheckovComment"
    }
    # logs.retention passes there, so only logs.encryption changes; both are covered.
    assert by_check["logs.encryption"] is Status.SUPPRESSED
    assert by_check["logs.retention"] is Status.PASS


def test_comment_scope_is_the_resource_text(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
Resources:
  # golive:skip=logs.encryption a comment above the first resource belongs to none
  First:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 365
      # golive:skip=logs.retention inside First, at the end of its text
  # golive:skip=logs.encryption a banner for Second, at the resources' indentation
  Second:
    Type: AWS::Logs::LogGroup
    Properties:  # golive:skip=logs.encryption on any line of Second
      RetentionInDays: 365
Outputs:
  # golive:skip=logs.retention outside every resource
  Name: {Value: !Ref Second}
""",
    )
    result = run_scan([path])
    encryption = verdicts(result, "logs.encryption")
    assert encryption["First"].status is Status.FAIL
    assert encryption["Second"].status is Status.SUPPRESSED
    assert encryption["Second"].suppression is not None
    assert encryption["Second"].suppression.reason == "on any line of Second"
    # logs.retention passes on First: its suppression is unused, and reported with its line.
    assert [u.line for u in result.unused_suppressions] == [7]


def test_comment_marker_needs_whitespace_before_it() -> None:
    assert comment_of("  Name: value # golive:skip=x why") == "golive:skip=x why"
    assert comment_of("# at the start") == "at the start"
    assert comment_of("  Url: https://example.com/#anchor") is None


def test_sam_metadata_and_comments_reach_every_generated_resource() -> None:
    result = run_scan([HERE / "sam.yaml"])
    assert not result.errors, result.errors
    tags = verdicts(result, "tagging.required-tags")
    for deployed in ("Worker", "WorkerRole"):
        assert tags[deployed].status is Status.SUPPRESSED, deployed
        assert tags[deployed].resource.logical_id == "Worker"
        assert tags[deployed].suppression is not None
        assert tags[deployed].suppression.source == "metadata"
    # The implicit API is not part of Worker's text: its findings stay.
    assert tags["ServerlessRestApi"].status is Status.FAIL
    concurrency = verdicts(result, "lambda.reserved-concurrency")["Worker"]
    assert concurrency.suppression is not None
    assert concurrency.suppression.reason == "capped by the account's concurrency quota"


def test_foreach_copies_share_the_loop_comments(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Groups:
    - Name
    - [Audit, Debug]
    - ${Name}Logs:  # golive:skip=logs.encryption both hold only public data
        Type: AWS::Logs::LogGroup
        Properties: {RetentionInDays: 365}
""",
    )
    found = verdicts(run_scan([path]), "logs.encryption")
    assert {k: f.status for k, f in found.items()} == {
        "AuditLogs": Status.SUPPRESSED,
        "DebugLogs": Status.SUPPRESSED,
    }


def test_config_suppressions_by_check_resource_and_path(tmp_path: Path) -> None:
    legacy = write(
        tmp_path,
        "Resources:\n  OldLogs: {Type: AWS::Logs::LogGroup}\n",
        "infra/legacy/app.yaml",
    )
    current = write(
        tmp_path,
        "Resources:\n"
        "  Logs: {Type: AWS::Logs::LogGroup}\n"
        "  Scratch1: {Type: AWS::Logs::LogGroup}\n",
        "infra/app.yaml",
    )
    settings = parse_settings(
        {
            "suppressions": [
                {"check": "logs.", "path": "infra/legacy/**", "reason": "retired in Q3"},
                {"check": "logs.encryption", "resource": "Scratch*", "reason": "scratch data"},
                {"check": "tagging.required-tags", "reason": "tags set per account"},
                {"check": "logs.retention", "resource": "Nothing", "reason": "stale entry"},
            ]
        },
        "golive.toml",
        root=str(tmp_path),
    )
    result = run_scan([legacy, current], settings=settings)
    status = {
        (f.check_id, f.resource.logical_id): (f.status, f.suppression and f.suppression.reason)
        for f in result.findings
    }
    assert status[("logs.encryption", "OldLogs")] == (Status.SUPPRESSED, "retired in Q3")
    assert status[("logs.retention", "OldLogs")] == (Status.SUPPRESSED, "retired in Q3")
    assert status[("logs.encryption", "Scratch1")] == (Status.SUPPRESSED, "scratch data")
    assert status[("logs.encryption", "Logs")] == (Status.FAIL, None)
    assert status[("logs.retention", "Logs")] == (Status.FAIL, None)
    assert status[("tagging.required-tags", "Logs")] == (Status.SUPPRESSED, "tags set per account")
    suppressed = [f for f in result.findings if f.suppression is not None]
    assert {f.suppression.source for f in suppressed if f.suppression} == {"config"}
    assert [u.message.split(" accepts")[0] for u in result.unused_suppressions] == [
        "suppressions[4] (check 'logs.retention')"
    ]


def test_reports_show_suppressions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        """\
Resources:
  Logs:  # golive:skip=logs.encryption holds only public build output
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 365
      Tags:
        - {Key: Environment, Value: p}
        - {Key: Project, Value: p}
        - {Key: Team, Value: p}
        - {Key: CostCenter, Value: "1"}
""",
    )
    result = RUNNER.invoke(app, ["scan", "template.yaml", "--format", "json"])
    assert result.exit_code == 0, result.output  # the only FAIL is accepted
    report = json.loads(result.stdout)
    finding = next(f for f in report["findings"] if f["check_id"] == "logs.encryption")
    assert finding["status"] == "SUPPRESSED"
    assert finding["suppression"] == {
        "source": "golive-comment",
        "reason": "holds only public build output",
        "status": "FAIL",
    }
    assert report["summary"]["verdicts"]["SUPPRESSED"] == 1
    assert report["summary"]["verdicts"]["FAIL"] == 0
    markdown = RUNNER.invoke(app, ["scan", "template.yaml", "--format", "markdown"]).stdout
    assert "1 SUPPRESSED (accepted with a reason)" in markdown
    assert "| `Logs` | AWS::Logs::LogGroup | template.yaml:2 | SUPPRESSED (FAIL) | " in markdown
    assert "Accepted (golive-comment): holds only public build output |" in markdown
    terminal = RUNNER.invoke(app, ["scan", "template.yaml"]).stdout
    assert "SUPPRESSED 1" in terminal
    assert "1 suppressed with a reason" in terminal
