"""The Markdown review, in the form of seed 000: sections by category, one block per practice."""

from __future__ import annotations

from collections import Counter
from functools import cache

import jinja2

from golive.aggregate import CheckSummary, Summary
from golive.catalog import CATEGORIES
from golive.model import Finding, Status
from golive.report import names
from golive.report.checklist import checklist
from golive.report.registry import ReportOptions
from golive.scan import ScanResult


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("golive.report", "templates"),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["cell"] = lambda text: str(text).replace("|", "\\|").replace("\n", " ")
    return env


def status_line(item: CheckSummary) -> str:
    """The "Current Status" sentence: failures counted first, then what else happened."""
    meta = item.meta
    fails = len(item.failing)
    unknown = item.counts.get(Status.UNKNOWN, 0)
    errors = item.counts.get(Status.ERROR, 0)
    parts = []
    if fails:
        parts.append(meta.status_phrase.count(fails))
    elif item.judged == 1:
        parts.append(f"The one {meta.noun.one} is compliant")
    elif item.judged:
        parts.append(f"All {meta.noun.count(item.judged)} compliant")
    not_applicable = item.counts.get(Status.NOT_APPLICABLE, 0)
    if unknown:
        parts.append(f"{unknown} not decidable from the templates (see below)")
    if not_applicable and parts:
        parts.append(f"{not_applicable} where it does not apply")
    if errors:
        parts.append(f"{errors} not judged because the check failed")
    if item.suppressed:
        parts.append(f"{len(item.suppressed)} suppressed with a reason (see below)")
    if not parts:
        noun = "resource" if not_applicable == 1 else "resources"
        parts.append(f"Does not apply to the {not_applicable} {noun} reviewed")
    return "; ".join(parts)


def location(finding: Finding) -> str:
    """The template's ``file:line``; for CDK, the app's source line first when known."""
    r = finding.resource
    source = names.source_location(r)
    template = names.template_location(r)
    return f"{source} (template {template})" if source else template


def resource_label(finding: Finding) -> str:
    """The construct path (CDK) or the id written, then the logical or deployed id."""
    r = finding.resource
    label = f"`{names.primary_name(r)}`"
    for what, other in names.secondary_ids(r):
        label += f" ({what} `{other}`)"
    return label


def status_cell(finding: Finding) -> str:
    """The Status column: the verdict, what it was before a suppression, or its baseline mark."""
    if finding.suppression is not None:
        return f"SUPPRESSED ({finding.suppression.status.value})"
    if finding.in_baseline:
        return "FAIL (baseline)"
    return finding.status.value


def finding_cell(finding: Finding) -> str:
    """The Finding column; a suppressed one adds who accepted it and why."""
    if finding.suppression is None:
        return finding.reason
    s = finding.suppression
    return f"{finding.reason}. Accepted ({s.source}): {s.reason}"


def not_applicable_reasons(findings: list[Finding], limit: int = 8) -> list[tuple[str, int]]:
    """The most frequent reasons, most common first; the rest folded into one line."""
    counts = Counter(f.reason for f in findings if f.status is Status.NOT_APPLICABLE)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if len(ranked) <= limit:
        return ranked
    rest = ranked[limit - 1 :]
    other = sum(n for _, n in rest)
    return [*ranked[: limit - 1], (f"for {len(rest)} other reasons (see the JSON report)", other)]


def render_markdown(result: ScanResult, summary: Summary, title: str) -> str:
    """The review as Markdown."""
    by_check: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_check.setdefault(finding.check_id, []).append(finding)
    sections = []
    for category in CATEGORIES:
        check_ids = [c for c in summary.by_category.get(category, []) if c in by_check]
        if not check_ids:
            continue
        groups: dict[str, list[str]] = {}
        for check_id in check_ids:
            groups.setdefault(summary.checks[check_id].meta.section, []).append(check_id)
        sections.append((category, groups))
    unreviewed = [summary.checks[c].meta for c in summary.checks if c not in by_check]
    template = _environment().get_template("review.md.j2")
    return template.render(
        title=title,
        result=result,
        summary=summary,
        sections=sections,
        checks=summary.checks,
        by_check=by_check,
        unreviewed=unreviewed,
        checklist=checklist(summary),
        status_line=status_line,
        location=location,
        resource_label=resource_label,
        not_applicable_reasons=not_applicable_reasons,
        status_cell=status_cell,
        finding_cell=finding_cell,
        Status=Status,
    )


def render(result: ScanResult, summary: Summary, options: ReportOptions) -> str:
    """The registry's entry point: the review titled ``options.title``."""
    return render_markdown(result, summary, options.title)
