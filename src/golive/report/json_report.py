"""The JSON report: every verdict, deterministic, for tools and CI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from json.encoder import encode_basestring as _quote
from typing import Any

from golive import __version__
from golive.aggregate import Summary
from golive.model import Finding, InputError, Pillar, ResourceRef, Severity, Status
from golive.report.registry import ReportOptions
from golive.scan import ScanResult
from golive.suppress import UnusedSuppression

#: One encoder for every item: ``json.dumps`` with options builds a new one per call.
_encode = json.JSONEncoder(ensure_ascii=False).encode
#: The verdict words as JSON strings (an enum's ``value`` is a slow property).
_QUOTED = {member: _quote(member.value) for kind in (Status, Severity, Pillar) for member in kind}


def finding_json(finding: Finding) -> dict[str, Any]:
    """One finding as a JSON object; optional keys only when they carry something."""
    resource = _resource_json(finding.resource)
    item: dict[str, Any] = {
        "check_id": finding.check_id,
        "status": finding.status.value,
        "severity": finding.severity.value,
        "pillar": finding.pillar.value,
        "category": finding.category,
        "resource": resource,
        "reason": finding.reason,
    }
    if finding.attribute:
        item["attribute"] = finding.attribute
    if finding.suppression is not None:
        item["suppression"] = {
            "source": finding.suppression.source,
            "reason": finding.suppression.reason,
            "status": finding.suppression.status.value,
        }
    if finding.in_baseline:
        item["in_baseline"] = True
    return item


def finding_line(finding: Finding, resources: dict[int, str]) -> str:
    """``finding_json(finding)`` as JSON text, the same characters, written out directly.

    A scan of the corpus has 12,000 findings: building a dictionary for each and encoding
    it took 0.1 s, most of what the report costs; this takes a third of that. ``resources``
    keeps each resource's text by the identity of its ``ResourceRef`` (the engine gives all
    findings on a resource the same one). A suppressed or baselined finding, rare, goes
    the long way.
    """
    if finding.suppression is not None or finding.in_baseline:
        return _encode(finding_json(finding))
    r = finding.resource
    resource = resources.get(id(r))
    if resource is None:
        resource = resources[id(r)] = _encode(_resource_json(r))
    attribute = f', "attribute": {_quote(finding.attribute)}' if finding.attribute else ""
    return (
        f'{{"check_id": {_quote(finding.check_id)}, "status": {_QUOTED[finding.status]}, '
        f'"severity": {_QUOTED[finding.severity]}, "pillar": {_QUOTED[finding.pillar]}, '
        f'"category": {_quote(finding.category)}, "resource": {resource}, '
        f'"reason": {_quote(finding.reason)}{attribute}}}'
    )


def _resource_json(r: ResourceRef) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "logical_id": r.logical_id,
        "type": r.type,
        "file": r.file,
        "line": r.line,
    }
    if r.construct_path:  # what a CDK user knows the resource by, first
        resource = {"construct_path": r.construct_path, **resource}
    if r.deployed_id:
        resource["deployed_id"] = r.deployed_id
    if r.source_type:
        resource["source_type"] = r.source_type
    if r.source_location:
        where = r.source_location
        resource["source_location"] = {"file": where.file, "line": where.line}
    return resource


def error_json(error: InputError) -> dict[str, Any]:
    return {"file": error.file, "line": error.line, "message": error.message}


def summary_json(result: ScanResult, summary: Summary) -> dict[str, Any]:
    return {
        "profile": result.profile.value,
        "file_profiles": {f: p.value for f, p in sorted(result.file_profiles.items())},
        "files": summary.files,
        "templates": summary.stacks,
        "resources": summary.resources,
        "checks": len(result.catalog),
        "verdicts": {s.value: summary.status_counts.get(s, 0) for s in Status},
        "failures_by_severity": {
            s.value: n
            for s, n in sorted(summary.fail_by_severity.items(), key=lambda i: -i[0].rank)
        },
        "score": summary.score,
        "pillar_scores": {p.value: v for p, v in summary.pillar_scores.items()},
        "errors": summary.errors,
        "baseline": _baseline_json(result, summary),
    }


def _baseline_json(result: ScanResult, summary: Summary) -> dict[str, Any] | None:
    if result.baseline is None:
        return None
    return {
        "file": result.baseline,
        "known": summary.in_baseline,
        "new": summary.new_failures,
        "fixed": result.baseline_fixed,
    }


def unused_json(unused: UnusedSuppression) -> dict[str, Any]:
    return {
        "file": unused.file,
        "line": unused.line,
        "source": unused.source,
        "message": unused.message,
    }


def render_json(result: ScanResult, summary: Summary) -> str:
    """The whole report as JSON ending in a newline: the summary indented, one item a line.

    NOTE: json.dumps with ``indent`` falls back to the pure-Python encoder; a scan of the
    corpus spent a quarter of a second there. Items written one a line keep the C encoder and
    still give readable diffs.
    """
    head = {"version": __version__, "summary": summary_json(result, summary)}
    resources: dict[int, str] = {}  # alive while result.findings holds the refs
    # Each item is encoded as soon as it is built, so only its text is kept: on a scan of
    # 1,000 templates the objects of every finding at once doubled golive's peak memory.
    lists: dict[str, tuple[int, Iterator[str]]] = {
        "findings": (len(result.findings), (finding_line(f, resources) for f in result.findings)),
        "errors": (len(result.errors), (_encode(error_json(e)) for e in result.errors)),
        "notes": (len(result.notes), (_encode(error_json(n)) for n in result.notes)),
        "unused_suppressions": (
            len(result.unused_suppressions),
            (_encode(unused_json(u)) for u in result.unused_suppressions),
        ),
    }
    # One list of lines joined once: joining each section and then the sections would copy
    # the whole text (tens of megabytes on large scans) twice more.
    lines = [json.dumps(head, indent=2, ensure_ascii=False)[:-2] + ","]
    for position, (key, (count, items)) in enumerate(lists.items()):
        end = "," if position < len(lists) - 1 else ""
        if not count:
            lines.append(f'  "{key}": []{end}')
            continue
        lines.append(f'  "{key}": [')
        lines.extend(f"    {item}," for item in items)
        lines[-1] = lines[-1][:-1]  # no comma after the last item
        lines.append(f"  ]{end}")
    lines.append("}\n")
    return "\n".join(lines)


def render(result: ScanResult, summary: Summary, options: ReportOptions) -> str:
    """The registry's entry point."""
    return render_json(result, summary)
