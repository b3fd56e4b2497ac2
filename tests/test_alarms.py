"""The shared alarm matching: names compared as parts, and an index that stays linear."""

from __future__ import annotations

import time
from pathlib import Path

from golive.alarms import same
from golive.model import Profile
from golive.scan import run_scan
from golive.values import Reference, Unknown

STACK = Unknown("AWS::StackName is known only at deployment")


def test_names_compare_structurally() -> None:
    assert same(("orders",), ("orders",)) is True
    assert same((Reference("Fn"),), (Reference("Fn"),)) is True
    assert same((STACK, "-orders"), (STACK, "-orders")) is True
    assert same(("orders",), ("payments",)) is False
    assert same((Reference("Fn"),), (Reference("Other"),)) is False
    assert same((Reference("Fn"),), ("orders",)) is False
    assert same((Reference("Fn", "Arn"),), (Reference("Fn"),)) is False


def test_open_names_may_match_only_what_their_known_parts_allow() -> None:
    assert same((STACK, "-orders"), ("prod-orders",)) is None
    assert same((STACK, "-orders"), ("prod-payments",)) is False
    assert same((Unknown("parameter Name has no default"),), ("anything",)) is None
    assert same((STACK, "-orders"), (Reference("Fn"),)) is False
    assert same(("arn:", STACK, ":orders"), (STACK, ":payments")) is False


def test_alarm_checks_stay_linear(tmp_path: Path) -> None:
    """2,000 functions, each with its own alarm: one index per stack, not a scan per function."""
    lines = ['AWSTemplateFormatVersion: "2010-09-09"', "Resources:"]
    for i in range(2000):
        lines += [
            f"  Fn{i}:",
            "    Type: AWS::Lambda::Function",
            "    Properties: {Runtime: python3.12, Handler: a.b, Role: r, Code: {ZipFile: x}}",
            f"  Fn{i}Errors:",
            "    Type: AWS::CloudWatch::Alarm",
            "    Properties:",
            "      Namespace: AWS/Lambda",
            "      MetricName: Errors",
            f"      Dimensions: [{{Name: FunctionName, Value: !Ref Fn{i}}}]",
            "      AlarmActions: [arn:aws:sns:us-east-1:123456789012:alerts]",
        ]
    template = tmp_path / "big.yaml"
    template.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    result = run_scan([template], Profile.PRODUCTION)
    elapsed = time.perf_counter() - started
    verdicts = {f.status.value for f in result.findings if f.check_id == "lambda.error-alarm"}
    assert verdicts == {"PASS"}
    assert elapsed < 60, f"{elapsed:.1f}s for 4,000 resources"
