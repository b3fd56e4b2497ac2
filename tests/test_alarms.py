"""The shared alarm matching: names compared as parts, and an index that stays linear."""

from __future__ import annotations

from pathlib import Path

import pytest

from golive import alarms
from golive.alarms import Parts, same
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


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(None, id="referenced"),
        pytest.param('!Sub "${{AWS::StackName}}-fn-{i}"', id="named-at-deployment"),
    ],
)
def test_alarm_checks_stay_linear(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str | None
) -> None:
    """2,000 functions, each with its own alarm: names are compared a few times per
    function through the index, never function against every alarm (4,000,000 pairs)."""
    count = 2000
    lines = ['AWSTemplateFormatVersion: "2010-09-09"', "Resources:"]
    for i in range(count):
        function_name = f", FunctionName: {name.format(i=i)}" if name else ""
        dimension = name.format(i=i) if name else f"!Ref Fn{i}"
        lines += [
            f"  Fn{i}:",
            "    Type: AWS::Lambda::Function",
            "    Properties: {Runtime: python3.12, Handler: a.b, Role: r, Code: {ZipFile: x}"
            + function_name
            + "}",
            f"  Fn{i}Errors:",
            "    Type: AWS::CloudWatch::Alarm",
            "    Properties:",
            "      Namespace: AWS/Lambda",
            "      MetricName: Errors",
            f"      Dimensions: [{{Name: FunctionName, Value: {dimension}}}]",
            "      AlarmActions: [arn:aws:sns:us-east-1:123456789012:alerts]",
        ]
    template = tmp_path / "big.yaml"
    template.write_text("\n".join(lines) + "\n", encoding="utf-8")
    comparisons = 0
    real_same = alarms.same

    def counted(left: Parts, right: Parts) -> bool | None:
        nonlocal comparisons
        comparisons += 1
        return real_same(left, right)

    monkeypatch.setattr(alarms, "same", counted)
    result = run_scan([template], Profile.PRODUCTION, jobs=1)
    verdicts = {f.status.value for f in result.findings if f.check_id == "lambda.error-alarm"}
    assert verdicts == {"PASS"}
    assert comparisons < 50 * count, f"{comparisons:,} name comparisons for {count:,} functions"
