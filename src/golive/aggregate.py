"""Counts and scores: per check, per category, per pillar, and overall.

A pillar's readiness score is the share of judged verdicts that pass: PASS / (PASS + FAIL),
as a whole percentage. NOT_APPLICABLE and UNKNOWN verdicts do not count either way; a
pillar with nothing judged has no score (None) rather than a flattering 100.

SUPPRESSED verdicts are counted on their own, never as FAIL or PASS: an accepted risk is
neither fixed nor open, and the reports list each with its reason. FAILs a baseline knows
still count as FAIL (the resource still misses the practice); only the exit code and the
"new" count set them apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from golive.catalog import CheckMeta
from golive.model import Finding, Pillar, Severity, Status

if TYPE_CHECKING:
    from golive.scan import ScanResult


@dataclass(frozen=True)
class CheckSummary:
    """One check's verdicts, counted, with its failing findings in report order."""

    meta: CheckMeta
    counts: Mapping[Status, int]
    failing: tuple[Finding, ...]
    unknown: tuple[Finding, ...]
    #: Verdicts someone accepted, with the reason (``Finding.suppression``).
    suppressed: tuple[Finding, ...] = ()

    @property
    def judged(self) -> int:
        """Resources the practice applies to and that golive could judge (PASS or FAIL)."""
        return self.counts.get(Status.PASS, 0) + self.counts.get(Status.FAIL, 0)

    @property
    def covered(self) -> int:
        """Resources the practice applies to, judged or not."""
        return self.judged + self.counts.get(Status.UNKNOWN, 0) + self.counts.get(Status.ERROR, 0)


@dataclass(frozen=True)
class Summary:
    """The numbers at the top of every report."""

    checks: Mapping[str, CheckSummary]
    status_counts: Mapping[Status, int]
    fail_by_severity: Mapping[Severity, int]
    pillar_scores: Mapping[Pillar, int | None]
    score: int | None
    resources: int
    stacks: int
    files: int
    errors: int = 0
    by_category: Mapping[str, list[str]] = field(default_factory=dict)
    #: FAILs a baseline already records (known, not new).
    in_baseline: int = 0

    @property
    def new_failures(self) -> int:
        """FAILs the baseline does not know (all of them without a baseline)."""
        return self.status_counts.get(Status.FAIL, 0) - self.in_baseline


def _score(passed: int, failed: int) -> int | None:
    total = passed + failed
    return round(100 * passed / total) if total else None


def summarize(
    findings: Iterable[Finding],
    catalog: Mapping[str, CheckMeta],
    *,
    resources: int,
    stacks: int,
    files: int,
    errors: int,
) -> Summary:
    """Aggregate findings (already in report order)."""
    per_check: dict[str, list[Finding]] = defaultdict(list)
    status_counts: Counter[Status] = Counter()
    fail_by_severity: Counter[Severity] = Counter()
    pillar_pass: Counter[Pillar] = Counter()
    pillar_fail: Counter[Pillar] = Counter()
    in_baseline = 0
    for finding in findings:
        per_check[finding.check_id].append(finding)
        status_counts[finding.status] += 1
        if finding.status is Status.FAIL:
            fail_by_severity[finding.severity] += 1
            pillar_fail[finding.pillar] += 1
            in_baseline += finding.in_baseline
        elif finding.status is Status.PASS:
            pillar_pass[finding.pillar] += 1
    checks = {}
    by_category: dict[str, list[str]] = defaultdict(list)
    for check_id, meta in catalog.items():
        items = per_check.get(check_id, [])
        checks[check_id] = CheckSummary(
            meta,
            Counter(f.status for f in items),
            tuple(f for f in items if f.status is Status.FAIL),
            tuple(f for f in items if f.status is Status.UNKNOWN),
            tuple(f for f in items if f.status is Status.SUPPRESSED),
        )
        by_category[meta.category].append(check_id)
    return Summary(
        checks=checks,
        status_counts=dict(status_counts),
        fail_by_severity=dict(fail_by_severity),
        pillar_scores={p: _score(pillar_pass[p], pillar_fail[p]) for p in Pillar},
        score=_score(sum(pillar_pass.values()), sum(pillar_fail.values())),
        resources=resources,
        stacks=stacks,
        files=files,
        errors=errors,
        by_category=dict(by_category),
        in_baseline=in_baseline,
    )


def summarize_result(result: ScanResult) -> Summary:
    """Aggregate a scan: its findings, with the counts of what it read."""
    return summarize(
        result.findings,
        result.catalog,
        resources=sum(len(s.resources) for s in result.stacks),
        stacks=len(result.stacks),
        files=result.files_seen,
        errors=len(result.errors),
    )
