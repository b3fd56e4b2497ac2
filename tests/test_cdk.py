"""CDK cloud assemblies: what the loader reads, the verdicts only an assembly can give, cdk-nag
acknowledgements, broken assemblies, the reports, and golive as CDK's policy validation plugin.
That a CDK app gets the verdicts of the same application as a SAM template is in test_trio.

The assemblies under ``tests/fixtures`` are of two kinds: synthesized by aws-cdk-lib from the
apps in ``fixtures/trio/cdk-app`` (``trio/cdk.out``, ``cdk/nag-v3``; re-synthesize with
``npm ci && node synth.js`` there), and written by hand (``cdk/legacy``, the older form).
Broken assemblies are written into a temporary folder by each test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from golive.catalog import load_catalog
from golive.checks import REGISTRY
from golive.cli import app
from golive.engine import Engine
from golive.loaders.cdk import load_assembly
from golive.model import Finding, Location, Profile, Resource, Stack, Status
from golive.scan import run_scan
from golive.settings import FailOn, Settings
from golive.suppress import cdk_nag_rule
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
TRIO = FIXTURES / "trio"
CDK_APP = TRIO / "cdk-app"
NAG = FIXTURES / "cdk" / "nag-v3"
LEGACY = FIXTURES / "cdk" / "legacy"


def test_findings_carry_construct_path_and_app_source_line() -> None:
    result = run_scan([TRIO / "cdk.out"])
    assert not result.errors, result.errors
    (stack,) = result.stacks
    assert (stack.name, stack.source_kind, stack.termination_protection) == ("Trio", "cdk", False)
    failing = {
        f.resource.construct_path: f.resource
        for f in result.findings
        if f.check_id == "lambda.reserved-concurrency" and f.status is Status.FAIL
    }
    assert list(failing) == ["Trio/Worker/Resource"]
    worker = failing["Trio/Worker/Resource"]
    source = (CDK_APP / "trio.js").read_text(encoding="utf-8").splitlines()
    line = next(
        n for n, text in enumerate(source, 1) if "new lambda.Function(this, 'Worker'" in text
    )
    assert worker.logical_id == "Worker11F36D0F"
    assert worker.source_location is not None
    assert Path(worker.source_location.file).resolve() == (CDK_APP / "trio.js").resolve()
    assert worker.source_location.line == line


def test_stage_nested_stack_tags_and_termination_protection_from_the_manifest() -> None:
    loaded = load_assembly(NAG, {})
    stacks = {t.stack.name: t.stack for t in loaded}
    assert set(stacks) == {"Prod-Nag", "Prod/Nag/Archive"}
    for stack in stacks.values():
        assert stack.source_kind == "cdk"
        assert stack.termination_protection is True  # nested stacks follow their root
        assert stack.tags == {"Project": "trio"}
    archive = stacks["Prod/Nag/Archive"]
    assert archive.file.endswith(".nested.template.json")
    paths = {r.construct_path for r in archive.resources.values()}
    assert "Prod/Nag/Archive/Archive/Resource" in paths


def test_cdk_nag_v3_acknowledgements_are_honoured() -> None:
    result = run_scan([NAG])
    assert not result.errors, result.errors
    verdicts = {
        (f.check_id, f.resource.construct_path): f
        for f in result.findings
        if f.check_id in ("s3.access-logging", "s3.tls-only", "sqs.redrive-policy")
    }
    access = verdicts[("s3.access-logging", "Prod/Nag/Uploads/Resource")]
    assert access.status is Status.SUPPRESSED
    assert access.suppression is not None
    assert access.suppression.source == "cdk-acknowledge"
    assert access.suppression.reason.startswith("Uploads are audited through CloudTrail")
    # Written without a prefix, recorded by CDK as Annotation::AwsSolutions-SQS3.
    assert verdicts[("sqs.redrive-policy", "Prod/Nag/Jobs/Resource")].status is Status.SUPPRESSED
    # Acknowledged on the stack: covers the bucket below it.
    tls = verdicts[("s3.tls-only", "Prod/Nag/Uploads/Resource")]
    assert tls.status is Status.SUPPRESSED
    assert tls.suppression is not None and tls.suppression.reason.startswith("Only VPC endpoints")
    # No acknowledgement of S1 in the nested stack: its bucket still fails.
    nested = verdicts[("s3.access-logging", "Prod/Nag/Archive/Archive/Resource")]
    assert nested.status is Status.FAIL


@pytest.mark.parametrize(
    ("written", "rule"),
    [
        ("AwsSolutions-S1", "AwsSolutions-S1"),
        ("AwsSolutions::AwsSolutions-S1", "AwsSolutions-S1"),
        ("Annotation::AwsSolutions-SQS3", "AwsSolutions-SQS3"),
        ("AwsSolutions::AwsSolutions-IAM5[Resource::*]", None),
        ("AwsSolutions-IAM5[Action::s3:*]", None),
    ],
)
def test_cdk_nag_ids_with_plugin_prefix_or_finding(written: str, rule: str | None) -> None:
    assert cdk_nag_rule(written) == rule


def test_v3_metadata_written_to_the_template_is_honoured(tmp_path: Path) -> None:
    # writeSuppressionsToCloudFormation: v2's metadata block with v3's prefixed ids.
    bucket = {
        "Type": "AWS::S3::Bucket",
        "Metadata": {
            "aws:cdk:path": "App/Uploads/Resource",
            "cdk_nag": {
                "rules_to_suppress": [
                    {"id": "AwsSolutions::AwsSolutions-S1", "reason": "audited by CloudTrail"},
                    {"id": "AwsSolutions::AwsSolutions-S10[Statement::0]", "reason": "one only"},
                ]
            },
        },
    }
    assembly = _assembly(tmp_path, {"App": {"Resources": {"Uploads": bucket}}})
    found = {f.check_id: f for f in run_scan([assembly]).findings}
    assert found["s3.access-logging"].status is Status.SUPPRESSED
    assert found["s3.tls-only"].status is Status.FAIL


def test_golive_acknowledgement_suppresses_its_check(tmp_path: Path) -> None:
    acknowledged = {
        "/App/Jobs": [
            {
                "type": "aws:cdk:acknowledged-rules",
                "data": {"golive::sqs.tls-only": "only reached through a VPC endpoint"},
            }
        ],
        "/App/Jobs/Resource": [{"type": "aws:cdk:logicalId", "data": "Jobs1234"}],
    }
    queue = {"Type": "AWS::SQS::Queue"}
    assembly = _assembly(tmp_path, {"App": {"Resources": {"Jobs1234": queue}}}, acknowledged)
    result = run_scan([assembly])
    assert not result.errors, result.errors
    found = {f.check_id: f for f in result.findings}
    tls = found["sqs.tls-only"]
    assert tls.status is Status.SUPPRESSED
    assert tls.suppression is not None
    assert (tls.suppression.source, tls.suppression.reason) == (
        "cdk-acknowledge",
        "only reached through a VPC endpoint",
    )
    # Only the check named: the queue's other verdicts stand.
    assert [c for c, f in found.items() if f.status is Status.SUPPRESSED] == ["sqs.tls-only"]
    assert found["tagging.required-tags"].status is Status.FAIL


def test_older_assembly_with_traces_from_another_machine() -> None:
    loaded = load_assembly(LEGACY / "cdk.out", {})
    stacks = {t.stack.name: t.stack for t in loaded}
    assert set(stacks) == {"Shop", "Shop/Archive"}
    shop, archive = stacks["Shop"], stacks["Shop/Archive"]
    assert shop.tags == archive.tags == {"Team": "checkout"}  # from aws:cdk:stack-tags alone
    assert shop.termination_protection is False  # not in the manifest: CDK's default
    orders = shop.resources["OrdersB0C5E0F1"]
    assert orders.construct_path == "Shop/Orders/Resource"
    # The first frame in the app's code, mapped from /home/runner/work/shop/infra onto here.
    assert orders.source_location is not None
    source = Path(orders.source_location.file).resolve()
    assert source == (LEGACY / "lib" / "shop-stack.js").resolve()
    assert orders.source_location.line == 11
    bucket = archive.resources["Bucket83908E77"]
    assert bucket.construct_path == "Shop/Archive/Bucket/Resource"


def test_termination_protection_verdicts_by_input_kind() -> None:
    table = Resource(
        "Orders",
        "AWS::DynamoDB::Table",
        {"BillingMode": "PAY_PER_REQUEST"},
        Location("main.tf", 3),
    )
    engine = Engine(load_catalog(), REGISTRY, Profile.PRODUCTION, Settings())

    def verdict(**stack: Any) -> Finding:
        result = engine.run(Stack("s", "f", {"Orders": table}, **stack), {})
        return next(
            f for f in result.findings if f.check_id == "cloudformation.termination-protection"
        )

    terraform = verdict(source_kind="terraform")
    assert terraform.status is Status.NOT_APPLICABLE
    assert "prevent_destroy" in terraform.reason
    assert verdict(source_kind="cdk", termination_protection=True).status is Status.PASS
    assert verdict(source_kind="cdk", termination_protection=False).status is Status.FAIL
    assert verdict(source_kind="cloudformation").status is Status.UNKNOWN


# ---------------------------------------------------------------- bad input


def _assembly(
    folder: Path,
    templates: Mapping[str, Any],
    metadata: Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Path:
    """An assembly in ``folder`` with a stack artifact per template (``None``: not written)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cdk.out").write_text('{"version":"55.0.0"}')
    artifacts: dict[str, Any] = {}
    for name, template in templates.items():
        artifacts[name] = {
            "type": "aws:cloudformation:stack",
            "properties": {"templateFile": f"{name}.template.json"},
            "metadata": dict(metadata or {}),
            "displayName": name,
        }
        if template is not None:
            (folder / f"{name}.template.json").write_text(json.dumps(template))
    artifacts.update(extra or {})
    (folder / "manifest.json").write_text(json.dumps({"version": "55.0.0", "artifacts": artifacts}))
    return folder


def _table(logical_id: str) -> dict[str, Any]:
    return {"Resources": {logical_id: {"Type": "AWS::DynamoDB::Table"}}}


def test_manifest_that_is_not_json_is_an_input_error_and_the_scan_goes_on(tmp_path: Path) -> None:
    broken = _assembly(tmp_path / "broken", {"A": _table("T")})
    (broken / "manifest.json").write_text("{ not json")
    good = _assembly(tmp_path / "good", {"B": _table("Orders")})
    result = run_scan([tmp_path])
    assert [e.file for e in result.errors] == [str(broken / "manifest.json")]
    assert "invalid JSON" in result.errors[0].message
    assert {f.resource.file for f in result.findings} == {str(good / "B.template.json")}


def test_missing_template_is_reported_and_other_stacks_are_read(tmp_path: Path) -> None:
    folder = _assembly(tmp_path, {"Gone": None, "Here": _table("Orders")})
    result = run_scan([folder])
    (error,) = result.errors
    assert error.file == str(folder / "Gone.template.json")
    assert "missing" in error.message
    assert [s.name for s in result.stacks] == ["Here"]


def test_assembly_with_only_a_missing_template_is_an_input_error(tmp_path: Path) -> None:
    folder = _assembly(tmp_path, {"Gone": None})
    result = run_scan([folder])
    assert [e.file for e in result.errors] == [str(folder / "Gone.template.json")]
    assert not result.stacks


def test_cycle_of_nested_stacks_is_reported_not_followed(tmp_path: Path) -> None:
    def nested(target: str) -> dict[str, Any]:
        return {
            "Resources": {
                "Inner": {
                    "Type": "AWS::CloudFormation::Stack",
                    "Properties": {"TemplateURL": "https://example.com/t.json"},
                    "Metadata": {"aws:asset:path": target},
                },
                "Table": {"Type": "AWS::DynamoDB::Table"},
            }
        }

    folder = _assembly(tmp_path, {"Root": nested("Child.nested.template.json")})
    (folder / "Child.nested.template.json").write_text(json.dumps(nested("Root.template.json")))
    result = run_scan([folder])
    (error,) = result.errors
    assert error.file == str(folder / "Child.nested.template.json")
    assert "cycle" in error.message
    # Root and the nested stack it deploys are read; the nested stack's own Inner is not.
    assert sorted(s.name for s in result.stacks) == ["Root", "Root/Inner"]


def test_bad_stage_and_metadata_file_are_reported(tmp_path: Path) -> None:
    stage = {
        "assembly-Gone": {
            "type": "cdk:cloud-assembly",
            "properties": {"directoryName": "assembly-Gone"},
        }
    }
    folder = _assembly(tmp_path, {"Here": _table("Orders")}, extra=stage)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["artifacts"]["Here"]["additionalMetadataFile"] = "Here.metadata.json"
    (folder / "manifest.json").write_text(json.dumps(manifest))
    (folder / "Here.metadata.json").write_text("[")
    result = run_scan([folder])
    files = sorted(e.file for e in result.errors)
    assert files == [
        str(folder / "Here.metadata.json"),
        str(folder / "assembly-Gone" / "manifest.json"),
    ]
    assert [s.name for s in result.stacks] == ["Here"]


# ---------------------------------------------------------------- reports


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, so reports show the same relative paths everywhere."""
    monkeypatch.chdir(ROOT)
    return ROOT


def _report(path: Path, output_format: str) -> str:
    """The report of ``golive scan``; the trio fails checks on purpose, so the exit code is 1."""
    result = CliRunner().invoke(app, ["scan", str(path), "--format", output_format])
    assert isinstance(result.exception, SystemExit), (result.exception, result.output[-2000:])
    assert result.exit_code == 1, result.output[-2000:]
    return result.output


@pytest.mark.parametrize("output_format", ["terminal", "markdown", "html", "junit", "sarif"])
def test_reports_name_the_construct_path_first(output_format: str, at_root: Path) -> None:
    text = _report(Path("tests/fixtures/trio/cdk.out"), output_format)
    construct = text.find("Trio/Worker/Resource")
    logical = text.find("Worker11F36D0F")
    assert construct != -1, f"{output_format} does not name the construct path"
    assert logical != -1, f"{output_format} does not name the logical id"
    assert construct < logical, f"{output_format} names the logical id first"
    assert "tests/fixtures/trio/cdk-app/trio.js" in text, (
        f"{output_format} does not name the app's source file"
    )


def test_json_and_sarif_keep_construct_path_and_source(at_root: Path) -> None:
    findings = json.loads(_report(Path("tests/fixtures/trio/cdk.out"), "json"))["findings"]
    worker = next(
        f["resource"]
        for f in findings
        if f["check_id"] == "lambda.reserved-concurrency" and f["status"] == "FAIL"
    )
    assert list(worker)[:2] == ["construct_path", "logical_id"]
    assert worker["source_location"]["file"] == "tests/fixtures/trio/cdk-app/trio.js"
    sarif = json.loads(_report(Path("tests/fixtures/trio/cdk.out"), "sarif"))
    result = next(
        r for r in sarif["runs"][0]["results"] if r["ruleId"] == "lambda.reserved-concurrency"
    )
    location = result["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"].endswith("cdk-app/trio.js")
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "Trio/Worker/Resource"
    template = result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert template == "tests/fixtures/trio/cdk.out/Trio.template.json"


# ---------------------------------------------------------------- policy validation plugin
#
# The plugin tests run a real CDK app, which needs what golive does not depend on: Node.js,
# and aws-cdk-lib (from npm for the JavaScript app, from PyPI for the Python one). Without
# them they are skipped, saying what is missing; `.ci/run` installs both (fatal under CI).

NODE = shutil.which("node")
NO_NODE = "Node.js (`node`) is not on PATH: the CDK app runs in it"


def test_policy_validation_plugin_puts_golive_findings_in_cdk_report(tmp_path: Path) -> None:
    """Runs the trio app with golive registered as a CDK policy validation plugin, with the
    golive of this environment on PATH."""
    if NODE is None:
        pytest.skip(NO_NODE)
    if not (CDK_APP / "node_modules" / "aws-cdk-lib").is_dir():
        pytest.skip("aws-cdk-lib from npm is not installed: run `npm ci` in " + str(CDK_APP))
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    env.pop("GOLIVE", None)  # the plugin would run that golive instead of the one on PATH
    outdir = tmp_path / "cdk.out"
    done = subprocess.run(
        [NODE, str(CDK_APP / "plugin.js"), str(outdir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads((outdir / "validation-report.json").read_text())
    (golive,) = [p for p in report["pluginReports"] if p["pluginName"] == "golive"]
    assert golive["conclusion"] == "failure"  # failOn: medium, and medium failures exist
    violations = {
        (v["ruleName"], c["constructPath"]): v
        for v in golive["violations"]
        for c in v["violatingConstructs"]
    }
    concurrency = violations[("lambda.reserved-concurrency", "Trio/Worker/Resource")]
    assert concurrency["severity"] == "error"
    assert "no reserved concurrency" in concurrency["description"]
    # Low-severity failures are warnings under failOn: medium.
    assert violations[("tagging.required-tags", "Trio/Orders/Resource")]["severity"] == "warning"
    # Acknowledged in the app with Validations.of(worker).acknowledge({id: 'golive::...'}).
    assert ("lambda.tracing", "Trio/Worker/Resource") not in violations
    legacy = json.loads((outdir / "policy-validation-report.json").read_text())
    summaries = [p["summary"] for p in legacy["pluginReports"]]
    assert [(s["pluginName"], s["status"]) for s in summaries] == [("golive", "failure")]


def test_validation_report_maps_verdicts_to_cdk_violations() -> None:
    from golive.cdk_validation import validation_report

    template = str(TRIO / "cdk.out" / "Trio.template.json")
    report = validation_report([template], Settings(), FailOn.MEDIUM)
    assert report.success is False
    by_rule = {(v.rule_name, v.severity): v for v in report.violations}
    tls = by_rule[("sqs.tls-only", "error")]  # medium: at failOn, so an error
    assert sorted(r.logical_id for r in tls.resources) == [
        "IngestDlqAD9CBE6D",
        "JobsDF1CC2D4",
        "JobsDlqB53173A1",
    ]
    assert tls.description.startswith("SQS queue policy"), tls.description
    assert {r.template for r in tls.resources} == {str(Path(template).resolve())}
    tracing = by_rule[("lambda.tracing", "warning")]  # low: below failOn, a warning
    assert [r.logical_id for r in tracing.resources] == ["Worker11F36D0F"]
    assert tracing.resources[0].locations == ("Properties.TracingConfig",)
    assert not any(v.metadata["golive_status"] == "UNKNOWN" for v in report.violations)
    relaxed = validation_report([template], Settings(), FailOn.NEVER)
    assert relaxed.success is True
    assert {v.severity for v in relaxed.violations} == {"warning"}


def test_validation_report_gives_unknown_verdicts_as_warnings_when_asked(tmp_path: Path) -> None:
    from golive.cdk_validation import validation_report

    days = {"RetentionInDays": {"Ref": "Days"}}  # a parameter without a default
    logs = {"Type": "AWS::Logs::LogGroup", "Properties": days}
    stack = {"Parameters": {"Days": {"Type": "Number"}}, "Resources": {"Logs": logs}}
    template = str(_assembly(tmp_path, {"App": stack}) / "App.template.json")
    quiet = validation_report([template], Settings(), FailOn.LOW)
    assert "logs.retention" not in {v.rule_name for v in quiet.violations}
    report = validation_report([template], Settings(), FailOn.LOW, report_unknown=True)
    (retention,) = [v for v in report.violations if v.rule_name == "logs.retention"]
    assert retention.severity == "warning"
    assert retention.metadata["golive_status"] == "UNKNOWN"
    assert "parameter Days has no default" in retention.description
    assert retention.description.endswith("(UNKNOWN: the templates do not decide it)")
    assert [r.logical_id for r in retention.resources] == ["Logs"]


def test_validation_report_takes_the_settings_baseline(tmp_path: Path) -> None:
    """As ``golive scan`` and the Node.js plugin do: the FAILs it records are known ones."""
    from golive.baseline import render_baseline
    from golive.cdk_validation import validation_report

    template = str(TRIO / "cdk.out" / "Trio.template.json")
    baseline = tmp_path / "baseline.json"
    recorded = run_scan([TRIO / "cdk.out"])
    baseline.write_text(render_baseline(recorded.findings, baseline), encoding="utf-8")
    settings = Settings(baseline=str(baseline), root=str(tmp_path), source="test")

    fresh = validation_report([template], Settings(), FailOn.MEDIUM)
    known = validation_report([template], settings, FailOn.MEDIUM)
    assert fresh.success is False
    assert ("sqs.tls-only", "error") in {(v.rule_name, v.severity) for v in fresh.violations}
    assert (known.success, known.violations) == (True, [])


def test_python_cdk_app_reports_through_the_plugin(tmp_path: Path) -> None:
    """golive.cdk_plugin inside a Python CDK app."""
    if NODE is None:
        pytest.skip(NO_NODE)
    cdk = pytest.importorskip(
        "aws_cdk", reason="aws-cdk-lib for Python is not installed (pip install aws-cdk-lib)"
    )
    from aws_cdk import aws_s3, aws_sqs

    from golive.cdk_plugin import GolivePolicyValidation

    context = {"@aws-cdk/core:failSynthOnValidationErrors": False}
    plugin = GolivePolicyValidation(fail_on="medium")
    application = cdk.App(outdir=str(tmp_path), policy_validation_beta1=[plugin], context=context)
    stack = cdk.Stack(application, "Py")
    aws_s3.Bucket(stack, "Uploads")
    queue = aws_sqs.Queue(stack, "Jobs")
    acknowledgement = cdk.Acknowledgment(id="golive::sqs.tls-only", reason="VPC endpoint only")
    cdk.Validations.of(queue).acknowledge(acknowledgement)
    application.synth()
    report = json.loads((tmp_path / "validation-report.json").read_text())
    (golive,) = [p for p in report["pluginReports"] if p["pluginName"] == "golive"]
    assert golive["conclusion"] == "failure"
    rules = {v["ruleName"]: v["severity"] for v in golive["violations"]}
    assert rules["s3.versioning"] == "error"  # medium, at failOn
    assert rules["tagging.required-tags"] == "warning"  # low, below it
    assert "sqs.tls-only" not in rules  # acknowledged in the app
