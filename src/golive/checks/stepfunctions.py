"""Checks on Step Functions state machines (catalogue: ``catalog/stepfunctions.yaml``)."""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, passed, switch, unknown
from golive.context import Context
from golive.model import Resource

#: Log levels that record the errors of an execution, not only its fatal end.
_USEFUL_LEVELS = ("ALL", "ERROR")


def _express_note(machine: Resource, ctx: Context) -> str:
    kind = ctx.value(machine, "StateMachineType")
    if kind.known and kind.value == "EXPRESS":
        return (
            "; an Express workflow keeps no execution history, so a failed execution leaves "
            "no trace at all"
        )
    return ""


@check("stepfunctions.logging")
def logging(machine: Resource, ctx: Context) -> Verdict:
    at = "LoggingConfiguration"
    level = ctx.value(machine, "LoggingConfiguration.Level")
    if level.unknown:
        return unknown(f"the log level is not known: {level.reason}", at)
    if level.absent or level.value == "OFF":
        return failed(
            "no execution logging (LoggingConfiguration Level OFF or not set)"
            + _express_note(machine, ctx),
            at,
        )
    if level.value not in _USEFUL_LEVELS:
        return failed(
            f"Level {level.value} records only executions that end in failure, not the "
            "errors of the states that led there; use ERROR or ALL",
            at,
        )
    destinations = ctx.value(machine, "LoggingConfiguration.Destinations")
    if destinations.unknown:
        return unknown(f"the log destination is not known: {destinations.reason}", at)
    groups = [
        d.get("CloudWatchLogsLogGroup", {}).get("LogGroupArn")
        for d in (destinations.value if isinstance(destinations.value, list) else [])
        if isinstance(d, dict) and isinstance(d.get("CloudWatchLogsLogGroup"), dict)
    ]
    if not any(g is not None for g in groups):
        return failed(
            f"Level {level.value} but no CloudWatch Logs destination: nothing is written", at
        )
    return passed(f"logs {level.value} events to CloudWatch Logs", at)


@check("stepfunctions.tracing")
def tracing(machine: Resource, ctx: Context) -> Verdict:
    return switch(
        ctx.value(machine, "TracingConfiguration.Enabled"),
        "TracingConfiguration",
        what="whether tracing is on",
        on="X-Ray tracing enabled",
        off="no X-Ray tracing: an execution cannot be followed into the functions and "
        "services its states call",
    )
