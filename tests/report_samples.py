"""Scan results for the SARIF, JUnit and HTML report tests.

``sample()`` builds a result by hand with every status, suppressions from inside and
outside the template, a baseline match, a crashed check, an input error, and text that
tries to break out of the markup it lands in. ``scan()`` runs the real command line.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from golive.aggregate import Summary, summarize
from golive.catalog import load_catalog
from golive.cli import app
from golive.model import (
    Finding,
    InputError,
    Profile,
    ResourceRef,
    Status,
    Suppression,
)
from golive.scan import ScanResult, finding_order
from golive.suppress import UnusedSuppression

FILE = "infra/app stack.yaml"
#: Text from a scanned template that must reach every report as text, never as markup.
EVIL_ID = '<script>alert("id")</script>'
EVIL_REASON = 'value is <img src=x onerror=alert(1)> & "quoted" </td></tr>'
EVIL_SUPPRESSION = "accepted by <b>ops</b> until <script>alert(2)</script>"


def _finding(
    check_id: str,
    status: Status,
    logical_id: str,
    line: int | None,
    reason: str,
    *,
    attribute: str | None = None,
    suppression: Suppression | None = None,
    in_baseline: bool = False,
) -> Finding:
    meta = load_catalog()[check_id]
    ref = ResourceRef(logical_id, meta.resource_types[0], FILE, line)
    severity = meta.severity(Profile.PRODUCTION)
    return Finding(
        check_id,
        status,
        severity,
        meta.pillar,
        meta.category,
        ref,
        reason,
        attribute=attribute,
        suppression=suppression,
        in_baseline=in_baseline,
    )


def sample_findings() -> list[Finding]:
    """One finding of each kind a report has to show."""
    concurrency = "lambda.reserved-concurrency"
    return [
        _finding(concurrency, Status.FAIL, "Orders", 12, "no reserved concurrency"),
        _finding(concurrency, Status.PASS, "Payments", 30, "reserved concurrency is 10"),
        _finding(concurrency, Status.NOT_APPLICABLE, "Seed", 44, "a custom-resource handler"),
        _finding(
            concurrency,
            Status.SUPPRESSED,
            "Batch",
            60,
            "no reserved concurrency",
            suppression=Suppression("metadata", EVIL_SUPPRESSION),
        ),
        _finding(
            "lambda.dead-letter-queue",
            Status.UNKNOWN,
            "Legacy",
            70,
            "nothing in this template invokes the function",
        ),
        _finding(
            "lambda.dead-letter-queue",
            Status.SUPPRESSED,
            "Nightly",
            80,
            "no DLQ",
            suppression=Suppression("config", "retries are idempotent", Status.FAIL),
        ),
        _finding(
            "logs.retention",
            Status.FAIL,
            "AppLogs",
            90,
            "retention is not set",
            attribute="RetentionInDays",
            in_baseline=True,
        ),
        _finding("logs.encryption", Status.FAIL, EVIL_ID, 100, EVIL_REASON),
        _finding("rds.multi-az", Status.ERROR, "Database", None, "KeyError: 'MultiAZ'"),
        _finding(
            "lambda.environment-encryption",
            Status.FAIL,
            "Orders",
            12,
            "environment variables use the AWS-managed key",
        ),
    ]


def sample() -> tuple[ScanResult, Summary]:
    """A hand-built scan result and its summary."""
    catalog = load_catalog()
    findings = sorted(sample_findings(), key=finding_order)
    errors = [InputError("infra/broken.yaml", 3, "cannot parse: <unexpected> '&' here")]
    result = ScanResult([FILE], Profile.PRODUCTION, catalog, [], findings, errors, files_seen=2)
    result.baseline = "golive-baseline.json"
    result.baseline_fixed = 1
    result.unused_suppressions = [
        UnusedSuppression(FILE, 120, "golive-comment", "golive-comment suppression <i>unused</i>")
    ]
    summary = summarize(findings, catalog, resources=9, stacks=1, files=2, errors=len(errors))
    return result, summary


def scan(path: str | Path, output_format: str) -> str:
    """``golive scan PATH --format FORMAT`` in-process; asserts it ran to the end."""
    result = CliRunner().invoke(app, ["scan", str(path), "--format", output_format])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.output
    return result.stdout
