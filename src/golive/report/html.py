"""The HTML review: one self-contained page to read, filter and share.

Everything the page needs is inline (styles, script, the SVG charts); it loads nothing from
anywhere, and its Content-Security-Policy forbids it to. The text of the scanned templates
(resource ids, reasons, file names) reaches the page only through Jinja's autoescaping.
Python prepares the data and the chart geometry; the template only lays it out. The same
scan gives the same bytes: no timestamps, no random ids.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cache

import jinja2

from golive import __version__
from golive.aggregate import CheckSummary, Summary
from golive.catalog import CATEGORIES, CheckMeta
from golive.model import Finding, Pillar, Severity, Status
from golive.report import names
from golive.report.checklist import checklist
from golive.report.markdown import status_line
from golive.report.registry import ReportOptions
from golive.scan import ScanResult

#: Statuses in the order a reader cares about them; rows and filters follow it.
STATUS_ORDER = (
    Status.FAIL,
    Status.ERROR,
    Status.UNKNOWN,
    Status.SUPPRESSED,
    Status.PASS,
    Status.NOT_APPLICABLE,
)
STATUS_LABELS = {
    Status.FAIL: "Fail",
    Status.ERROR: "Error",
    Status.UNKNOWN: "Unknown",
    Status.SUPPRESSED: "Suppressed",
    Status.PASS: "Pass",
    Status.NOT_APPLICABLE: "Not applicable",
}
SEVERITY_ORDER = (Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)
SNIPPETS = (("cloudformation", "CloudFormation"), ("terraform", "Terraform"), ("cdk", "CDK"))
#: Length of a full (100%) bar in the pillar chart, in SVG units.
BAR_WIDTH = 225.0
_STATUS_RANK = {s: i for i, s in enumerate(STATUS_ORDER)}


@dataclass(frozen=True)
class Practice:
    """One check as a card: its metadata, its summary line and its verdicts, worst first."""

    meta: CheckMeta
    summary: CheckSummary
    severity: Severity
    status_line: str
    findings: tuple[Finding, ...]
    counts: tuple[tuple[Status, int], ...]

    @property
    def worst(self) -> Status:
        """The status that colours the card."""
        return self.findings[0].status


@dataclass(frozen=True)
class Bar:
    """One pillar's row in the readiness chart."""

    label: str
    score: int | None
    width: float
    tone: str


@dataclass(frozen=True)
class Segment:
    """One status's share of the verdict bar."""

    status: Status
    count: int
    x: float
    width: float


def tone(score: int | None) -> str:
    """The colour class of a score: good from 80, fair from 50, poor below."""
    if score is None:
        return "none"
    return "good" if score >= 80 else "fair" if score >= 50 else "poor"


def pillar_bars(summary: Summary, width: float = BAR_WIDTH) -> list[Bar]:
    """The readiness chart's bars, in pillar order."""
    return [
        Bar(
            p.label,
            s,
            round(width * (s or 0) / 100, 1),
            tone(s),
        )
        for p, s in summary.pillar_scores.items()
    ]


def verdict_segments(summary: Summary, width: float = 1000.0) -> list[Segment]:
    """The stacked verdict bar: each status's share of all verdicts, in reading order."""
    total = sum(summary.status_counts.values())
    segments, x = [], 0.0
    for status in STATUS_ORDER:
        count = summary.status_counts.get(status, 0)
        if not count or not total:
            continue
        share = round(width * count / total, 1)
        segments.append(Segment(status, count, round(x, 1), share))
        x += share
    return segments


def ring(score: int | None, radius: float = 52.0) -> tuple[str, str]:
    """``stroke-dasharray`` values of the overall score ring: filled length, circumference."""
    circumference = 2 * math.pi * radius
    filled = circumference * (score or 0) / 100
    return f"{filled:.2f}", f"{circumference:.2f}"


def _row_order(finding: Finding) -> tuple[int, str, int, str, str]:
    r = finding.resource
    return (
        _STATUS_RANK.get(finding.status, 99),
        r.file,
        r.line or 0,
        r.logical_id,
        r.deployed_id or "",
    )


def practices(
    result: ScanResult, summary: Summary
) -> list[tuple[str, list[tuple[str, list[Practice]]]]]:
    """Categories (catalogue order) -> sections -> practice cards, for checks with verdicts."""
    by_check: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_check.setdefault(finding.check_id, []).append(finding)
    tree = []
    for category in CATEGORIES:
        sections: dict[str, list[Practice]] = {}
        for check_id in summary.by_category.get(category, []):
            findings = by_check.get(check_id)
            item = summary.checks.get(check_id)
            if not findings or item is None:
                continue
            counts = Counter(f.status for f in findings)
            sections.setdefault(item.meta.section, []).append(
                Practice(
                    meta=item.meta,
                    summary=item,
                    severity=item.meta.severity(result.profile),
                    status_line=status_line(item),
                    findings=tuple(sorted(findings, key=_row_order)),
                    counts=tuple((s, counts[s]) for s in STATUS_ORDER if counts[s]),
                )
            )
        if sections:
            tree.append((category, list(sections.items())))
    return tree


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("golive.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def render_html(result: ScanResult, summary: Summary, title: str) -> str:
    """The review as one HTML page."""
    tree = practices(result, summary)
    reviewed = {p.meta.id for _, sections in tree for _, cards in sections for p in cards}
    pillars = [p for p in Pillar if any(m.pillar is p for m in result.catalog.values())]
    filled, circumference = ring(summary.score)
    template = _environment().get_template("review.html.j2")
    return template.render(
        title=title,
        version=__version__,
        result=result,
        summary=summary,
        tree=tree,
        unreviewed=[m for m in result.catalog.values() if m.id not in reviewed],
        reviewed_count=len(reviewed),
        checklist=checklist(summary),
        bars=pillar_bars(summary),
        bar_width=BAR_WIDTH,
        segments=verdict_segments(summary),
        ring_filled=filled,
        ring_circumference=circumference,
        score_tone=tone(summary.score),
        pillars=pillars,
        statuses=STATUS_ORDER,
        status_labels=STATUS_LABELS,
        severities=SEVERITY_ORDER,
        snippets=SNIPPETS,
        shown=names.shown,
        Status=Status,
    )


def render(result: ScanResult, summary: Summary, options: ReportOptions) -> str:
    """The registry's entry point: the page titled ``options.title``."""
    return render_html(result, summary, options.title)
