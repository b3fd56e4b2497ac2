"""The SARIF report: schema-valid, what GitHub code scanning needs, stable fingerprints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from golive.catalog import load_catalog
from golive.report import sarif
from golive.report.registry import ReportOptions
from tests.conftest import ROOT, SHARED
from tests.report_samples import EVIL_SUPPRESSION, sample, scan

SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@pytest.fixture(scope="module")
def orders_app() -> dict[str, Any]:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        return json.loads(scan("examples/orders-app", "sarif"))


@pytest.fixture(scope="module")
def sampled() -> dict[str, Any]:
    result, summary = sample()
    return json.loads(sarif.render(result, summary, ReportOptions(title="sample")))


def _errors(validator: jsonschema.protocols.Validator, log: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)
    ]


def test_orders_app_validates_against_the_schema(
    validator: jsonschema.protocols.Validator, orders_app: dict[str, Any]
) -> None:
    assert _errors(validator, orders_app) == []


def test_every_kind_of_finding_validates_against_the_schema(
    validator: jsonschema.protocols.Validator, sampled: dict[str, Any]
) -> None:
    assert _errors(validator, sampled) == []


@pytest.mark.parametrize("name", ["orders_app", "sampled"])
def test_github_code_scanning_required_fields(name: str, request: pytest.FixtureRequest) -> None:
    """The fields GitHub's SARIF upload requires or uses to show an alert."""
    log = request.getfixturevalue(name)
    assert log["version"] == "2.1.0"
    assert log["$schema"].startswith("https://")
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "golive"
    assert driver["rules"], "no rules"
    for rule in driver["rules"]:
        assert rule["id"], rule
        name = rule["id"]
        assert rule["shortDescription"]["text"], name
        assert rule["fullDescription"]["text"], name
        assert rule["help"]["text"] and rule["help"]["markdown"], name
        assert rule["helpUri"].startswith("https://"), name
        assert rule["properties"]["tags"], name
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}, name
    rule_ids = [r["id"] for r in driver["rules"]]
    assert run["results"], "no results"
    for result in run["results"]:
        assert result["ruleId"] in rule_ids, result["ruleId"]
        assert rule_ids[result["ruleIndex"]] == result["ruleId"], result["ruleId"]
        assert result["message"]["text"], result
        assert result["locations"], result
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"], result
        assert isinstance(physical["region"]["startLine"], int), result
        assert result["partialFingerprints"][sarif.FINGERPRINT_KEY], result


def test_rules_carry_the_catalogue_metadata(orders_app: dict[str, Any]) -> None:
    rules = {r["id"]: r for r in orders_app["runs"][0]["tool"]["driver"]["rules"]}
    assert set(rules) == set(load_catalog())
    meta = load_catalog()["lambda.dead-letter-queue"]
    rule = rules[meta.id]
    assert rule["shortDescription"]["text"] == meta.title
    assert rule["name"] == "LambdaDeadLetterQueue"
    markdown = rule["help"]["markdown"]
    for text in (*meta.why, *meta.not_needed_when, meta.recommendation):
        assert text in markdown
    assert "```yaml\n" in markdown and "```hcl\n" in markdown and "```typescript\n" in markdown
    assert {"reliability", meta.category} <= set(rule["properties"]["tags"])
    security = rules["lambda.environment-encryption"]["properties"]
    assert security["security-severity"] == "8.0"
    assert "security-severity" not in rule["properties"]


def test_only_problems_become_results(orders_app: dict[str, Any]) -> None:
    """FAIL and UNKNOWN are results; PASS and NOT_APPLICABLE are not."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        report = json.loads(scan("examples/orders-app", "json"))
    verdicts = report["summary"]["verdicts"]
    results = orders_app["runs"][0]["results"]
    assert len(results) == verdicts["FAIL"] + verdicts["UNKNOWN"] + verdicts["SUPPRESSED"]
    statuses = {r["properties"]["status"] for r in results}
    assert {"FAIL", "UNKNOWN"} <= statuses <= {"FAIL", "UNKNOWN", "SUPPRESSED"}
    unknown = [r for r in results if r["properties"]["status"] == "UNKNOWN"]
    assert all(r["kind"] == "review" and r["level"] == "none" for r in unknown)
    assert {r["level"] for r in results if r["properties"]["status"] == "FAIL"} <= {
        "error",
        "warning",
        "note",
    }
    invocation = orders_app["runs"][0]["invocations"][0]
    assert invocation == {"executionSuccessful": True, "toolExecutionNotifications": []}


def test_suppressions_baseline_and_errors(sampled: dict[str, Any]) -> None:
    run = sampled["runs"][0]
    results = run["results"]
    suppressed = {
        r["locations"][0]["logicalLocations"][0]["name"]: r for r in results if "suppressions" in r
    }
    assert set(suppressed) == {"Batch", "Nightly"}
    assert suppressed["Batch"]["suppressions"] == [
        {
            "kind": "inSource",
            "status": "accepted",
            "justification": EVIL_SUPPRESSION,
            "properties": {"source": "metadata"},
        }
    ]
    assert suppressed["Nightly"]["suppressions"][0]["kind"] == "external"
    states = {r["locations"][0]["logicalLocations"][0]["name"]: r["baselineState"] for r in results}
    assert states["AppLogs"] == "unchanged"
    assert states["Orders"] == "new"
    assert not any(r["properties"]["status"] in {"PASS", "NOT_APPLICABLE"} for r in results)
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "infra/broken.yaml"
    )
    assert notes[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert notes[1]["associatedRule"]["id"] == "rds.multi-az"
    assert notes[2]["level"] == "warning"
    assert notes[2]["message"]["text"] == "golive-comment suppression <i>unused</i>"


def test_uris_are_relative_encoded_and_forward_slashed(tmp_path: Path) -> None:
    assert sarif.artifact_uri("infra/app stack.yaml") == "infra/app%20stack.yaml"
    assert sarif.artifact_uri("./infra/../infra/a#b.yaml") == "infra/a%23b.yaml"
    inside = tmp_path / "dir" / "t.yaml"
    assert sarif.artifact_uri(str(inside), cwd=str(tmp_path)) == "dir/t.yaml"
    outside = sarif.artifact_uri(str(inside), cwd=str(tmp_path / "elsewhere"))
    assert outside.startswith("file:///") and outside.endswith("/dir/t.yaml")


TEMPLATE = """\
Resources:
{filler}  Handler:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/r
      Code: {{S3Bucket: b, S3Key: k.zip}}
      Environment:
        Variables: {{TABLE: orders}}
  Logs:
    Type: AWS::Logs::LogGroup
"""
FILLER = """\
  Extra:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: moved-below
"""


def _fingerprints(log: dict[str, Any]) -> dict[tuple[str, str], tuple[str, int]]:
    found = {}
    for result in log["runs"][0]["results"]:
        location = result["locations"][0]
        key = (result["ruleId"], location["logicalLocations"][0]["name"])
        found[key] = (
            result["partialFingerprints"][sarif.FINGERPRINT_KEY],
            location["physicalLocation"]["region"]["startLine"],
        )
    return found


def test_fingerprints_survive_resources_moving_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    template = tmp_path / "stack.yaml"
    template.write_text(TEMPLATE.format(filler=""))
    before = _fingerprints(json.loads(scan("stack.yaml", "sarif")))
    template.write_text("# a comment\n\n" + TEMPLATE.format(filler=FILLER))
    after = _fingerprints(json.loads(scan("stack.yaml", "sarif")))
    common = set(before) & set(after)
    assert ("lambda.reserved-concurrency", "Handler") in common
    assert ("logs.retention", "Logs") in common
    for key in common:
        assert before[key][0] == after[key][0], key
        assert before[key][1] < after[key][1], key
    assert len({fp for fp, _ in after.values()}) == len(after), "fingerprints collide"


def test_fingerprint_tells_findings_apart() -> None:
    result, _ = sample()
    assert result.findings, "the sample has no findings"
    by_print: dict[str, list[str]] = {}
    for f in result.findings:
        by_print.setdefault(sarif.fingerprint(f), []).append(
            f"{f.check_id} {f.resource.logical_id}"
        )
    collisions = [names for names in by_print.values() if len(names) > 1]
    assert not collisions, f"findings that share a fingerprint: {collisions}"


def test_deterministic(orders_app: dict[str, Any]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        again = json.loads(scan("examples/orders-app", "sarif"))
    assert again == orders_app
