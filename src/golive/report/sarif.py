"""The SARIF 2.1.0 report, for GitHub code scanning and every other SARIF viewer.

One rule per check in the catalogue, its help written from the check's metadata. Only
verdicts someone should look at become results: FAIL (level from the severity), UNKNOWN
(``kind: review``: a person has to decide) and SUPPRESSED (with the suppression and its
reason). PASS and NOT_APPLICABLE are not problems, and SARIF viewers (GitHub among them)
show every result as one, so they are left out.

Fingerprints hash what identifies a finding (check, file, resource, attribute), never the
line, so an alert survives resources moving within their file.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from golive import __version__
from golive.aggregate import Summary
from golive.catalog import CheckMeta
from golive.model import Finding, InputError, Pillar, Profile, Severity, Status
from golive.report import names
from golive.report.registry import ReportOptions
from golive.scan import ScanResult

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
#: The key of golive's fingerprint in ``partialFingerprints``; bump the version if the
#: hashed fields ever change, so old alerts are not silently matched to new ones.
FINGERPRINT_KEY = "goliveFinding/v1"

_LEVEL = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
}
#: GitHub ranks security alerts by this CVSS-like score (over 9 critical, 7 high, 4 medium).
_SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0",
}
#: Suppressions written outside the templates; every other source sits in the template.
_EXTERNAL_SOURCES = frozenset({"config", "baseline", "cli"})
_REPORTED = frozenset({Status.FAIL, Status.UNKNOWN, Status.SUPPRESSED})
_SNIPPETS = (
    ("cloudformation", "CloudFormation", "yaml"),
    ("terraform", "Terraform", "hcl"),
    ("cdk", "CDK", "typescript"),
)


def display_path(file: str, cwd: str | None = None) -> str:
    """``file`` with forward slashes, relative to the working directory when inside it."""
    path = os.path.normpath(file)
    if os.path.isabs(path):
        relative = os.path.relpath(path, cwd if cwd is not None else os.getcwd())
        if relative.split(os.sep, 1)[0] != os.pardir:
            path = relative
    return PurePath(path).as_posix()


def artifact_uri(file: str, cwd: str | None = None) -> str:
    """``file`` as a URI: relative and percent-encoded, or ``file://`` when outside ``cwd``."""
    path = display_path(file, cwd)
    if PurePath(file).is_absolute() and PurePath(path).is_absolute():
        return PurePath(path).as_uri()
    return quote(path, safe="/")


def fingerprint(finding: Finding, cwd: str | None = None) -> str:
    """A hash of what identifies the finding; the line is left out on purpose."""
    r = finding.resource
    parts = (
        finding.check_id,
        display_path(r.file, cwd),
        r.logical_id,
        r.deployed_id or "",
        finding.attribute or "",
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def rule_name(check_id: str) -> str:
    """``lambda.reserved-concurrency`` -> ``LambdaReservedConcurrency``."""
    words = check_id.replace(".", "-").split("-")
    return "".join(w[:1].upper() + w[1:] for w in words if w)


def _bullets(lines: tuple[str, ...]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def help_markdown(meta: CheckMeta) -> str:
    """The rule's help as Markdown: why, when, what to do, and how, in each language."""
    parts = [meta.check, f"**Why it matters**\n\n{_bullets(meta.why)}"]
    parts.append(f"**When it applies**\n\n{_bullets(meta.applies)}")
    if meta.not_needed_when:
        parts.append(f"**Not needed when**\n\n{_bullets(meta.not_needed_when)}")
    parts.append(f"**Recommendation**: {meta.recommendation}")
    for key, label, fence in _SNIPPETS:
        snippet = meta.remediation[key].rstrip("\n")
        parts.append(f"**{label}**\n\n```{fence}\n{snippet}\n```")
    parts.append(f"**References**\n\n{_bullets(meta.references)}")
    return "\n\n".join(parts) + "\n"


def help_text(meta: CheckMeta) -> str:
    """The same help as plain text, for viewers without Markdown."""
    parts = [meta.check, "Why it matters:\n" + _bullets(meta.why)]
    parts.append("When it applies:\n" + _bullets(meta.applies))
    if meta.not_needed_when:
        parts.append("Not needed when:\n" + _bullets(meta.not_needed_when))
    parts.append(f"Recommendation: {meta.recommendation}")
    parts.append("References:\n" + _bullets(meta.references))
    return "\n\n".join(parts) + "\n"


def rule(meta: CheckMeta, profile: Profile) -> dict[str, Any]:
    """One ``reportingDescriptor`` for a check."""
    severity = meta.severity(profile)
    # GitHub shows security-severity only on rules tagged "security": the security pillar's.
    tags = [meta.pillar.value, meta.category, meta.section]
    properties: dict[str, Any] = {"tags": tags, "precision": "high"}
    if meta.pillar is Pillar.SECURITY:
        properties["security-severity"] = _SECURITY_SEVERITY[severity]
    properties["severity"] = severity.value
    if meta.crosswalk:
        properties["crosswalk"] = {k: list(v) for k, v in sorted(meta.crosswalk.items())}
    return {
        "id": meta.id,
        "name": rule_name(meta.id),
        "shortDescription": {"text": meta.title},
        "fullDescription": {"text": meta.check},
        "help": {"text": help_text(meta), "markdown": help_markdown(meta)},
        "helpUri": meta.references[0],
        "defaultConfiguration": {"level": _LEVEL[severity]},
        "properties": properties,
    }


def _level_and_kind(finding: Finding) -> dict[str, str]:
    verdict = finding.suppression.status if finding.suppression else finding.status
    if verdict is Status.UNKNOWN:
        # NOTE: SARIF 2.1.0 section 3.27.10: a kind other than "fail" requires level "none".
        return {"kind": "review", "level": "none"}
    return {"level": _LEVEL[finding.severity]}


def result_json(
    finding: Finding, rule_index: int, baseline_used: bool, cwd: str | None = None
) -> dict[str, Any]:
    """One SARIF ``result`` for a FAIL, UNKNOWN or SUPPRESSED finding."""
    r = finding.resource
    template = _physical(r.file, r.line, cwd)
    # NOTE: for CDK the app's source line is the primary location: cdk.out is rarely
    # committed, so code scanning can show an alert only on the app's code; the template
    # stays as a related location.
    created = r.source_location
    physical = _physical(created.file, created.line, cwd) if created else template
    name = names.primary_name(r)
    logical: dict[str, Any] = {
        "name": name,
        "fullyQualifiedName": r.construct_path
        or (f"{r.logical_id}.{r.deployed_id}" if r.deployed_id else r.logical_id),
        "kind": "resource",
    }
    properties: dict[str, Any] = {
        "status": finding.status.value,
        "severity": finding.severity.value,
        "resourceType": r.source_type or r.type,
    }
    if r.construct_path:
        properties["constructPath"] = r.construct_path
        properties["logicalId"] = r.logical_id
    if r.deployed_id:
        properties["deployedId"] = r.deployed_id
        properties["deployedType"] = r.type
    if finding.attribute:
        properties["attribute"] = finding.attribute
    item: dict[str, Any] = {
        "ruleId": finding.check_id,
        "ruleIndex": rule_index,
        **_level_and_kind(finding),
        "message": {"text": f"{name}: {finding.reason}"},
        "locations": [{"physicalLocation": physical, "logicalLocations": [logical]}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding, cwd)},
    }
    if created:
        item["relatedLocations"] = [
            {"id": 0, "physicalLocation": template, "message": {"text": "CloudFormation template"}}
        ]
    if finding.suppression is not None:
        source = finding.suppression.source
        item["suppressions"] = [
            {
                "kind": "external" if source in _EXTERNAL_SOURCES else "inSource",
                "status": "accepted",
                "justification": finding.suppression.reason,
                "properties": {"source": source},
            }
        ]
    if baseline_used:
        item["baselineState"] = "unchanged" if finding.in_baseline else "new"
    item["properties"] = properties
    return item


def _physical(file: str, line: int | None, cwd: str | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(file, cwd)}}
    if line:
        physical["region"] = {"startLine": line}
    return physical


def _notification(error: InputError, cwd: str | None, level: str = "error") -> dict[str, Any]:
    return {
        "level": level,
        "message": {"text": error.message},
        "locations": [{"physicalLocation": _physical(error.file, error.line, cwd)}],
    }


def _check_crash(finding: Finding, rule_index: int, cwd: str | None) -> dict[str, Any]:
    """A check that raised: not a verdict, so a notification tied to the check's rule."""
    r = finding.resource
    message = f"{finding.check_id} could not judge {names.primary_name(r)}: {finding.reason}"
    notification = _notification(InputError(r.file, r.line, message), cwd)
    notification["associatedRule"] = {"id": finding.check_id, "index": rule_index}
    return notification


def render_sarif(result: ScanResult, summary: Summary, cwd: str | None = None) -> dict[str, Any]:
    """The whole log as a JSON-ready mapping."""
    index = {check_id: i for i, check_id in enumerate(result.catalog)}
    baseline_used = result.baseline is not None
    results = [
        result_json(f, index[f.check_id], baseline_used, cwd)
        for f in result.findings
        if f.status in _REPORTED and f.check_id in index
    ]
    notifications = [_notification(e, cwd) for e in result.errors]
    notifications += [
        _check_crash(f, index[f.check_id], cwd)
        for f in result.findings
        if f.status is Status.ERROR and f.check_id in index
    ]
    failed = bool(notifications)
    # Suppressions that accepted nothing are worth a look, but the run itself went fine.
    notifications += [
        _notification(InputError(u.file, u.line, u.message), cwd, level="warning")
        for u in result.unused_suppressions
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "golive",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [rule(meta, result.profile) for meta in result.catalog.values()],
            }
        },
        "invocations": [
            {"executionSuccessful": not failed, "toolExecutionNotifications": notifications}
        ],
        "results": results,
        "properties": {
            "profile": result.profile.value,
            "score": summary.score,
            "pillarScores": {p.value: v for p, v in summary.pillar_scores.items()},
            "verdicts": {s.value: summary.status_counts.get(s, 0) for s in Status},
        },
    }
    return {"version": "2.1.0", "$schema": SCHEMA_URI, "runs": [run]}


def render(result: ScanResult, summary: Summary, options: ReportOptions) -> str:
    """The registry's entry point: the SARIF log as indented JSON ending in a newline."""
    return json.dumps(render_sarif(result, summary), indent=2, ensure_ascii=False) + "\n"
