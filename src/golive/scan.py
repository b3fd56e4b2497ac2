"""One review from paths to results: discover, load, evaluate, suppress (and baseline).

This is the pipeline's driver; it knows the order of the stages and nothing of their
insides. Each file is loaded and judged on its own, so one unreadable file costs only
itself. A file is judged under the profile its path is given in the settings (``[profiles]``),
else the scan's; one engine per profile in use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from golive.baseline import Baseline, mark_known
from golive.catalog import CheckMeta, load_catalog
from golive.checks import REGISTRY
from golive.discover import Input, discover_inputs
from golive.engine import Engine
from golive.loaders import import_readers, load_input, needs_sam
from golive.loaders.errors import LoadError
from golive.model import Finding, InputError, Profile, Stack
from golive.parallel import map_in_order, worker_count
from golive.settings import Settings
from golive.suppress import UnusedSuppression, apply_suppressions


@dataclass
class ScanResult:
    """Everything a report needs: what was scanned, the findings, and the errors."""

    paths: list[str]
    profile: Profile
    #: The checks that ran (the catalogue less what the settings deselect), in catalogue order.
    catalog: Mapping[str, CheckMeta]
    #: The stacks reviewed, as kept after their review (``Stack.after_review``: resources with
    #: their names, locations, metadata and comments, without the properties judged).
    stacks: list[Stack] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    #: Remarks about the inputs that are not errors (a remote Terraform module not followed).
    notes: list[InputError] = field(default_factory=list)
    files_seen: int = 0
    #: Files reviewed under another profile than ``profile`` (per-path profiles).
    file_profiles: dict[str, Profile] = field(default_factory=dict)
    #: golive suppressions that accepted no verdict.
    unused_suppressions: list[UnusedSuppression] = field(default_factory=list)
    #: The baseline file the FAILs were compared with (None: no baseline).
    baseline: str | None = None
    #: Failures the baseline records that no longer occur.
    baseline_fixed: int = 0


def run_scan(
    paths: Sequence[Path],
    profile: Profile = Profile.PRODUCTION,
    parameters: Mapping[str, Any] | None = None,
    settings: Settings | None = None,
    baseline: Baseline | None = None,
    jobs: int = 1,
) -> ScanResult:
    """Review every input under ``paths``; raises ``MissingPathError`` for a missing path.

    ``jobs`` is the number of processes reviewing inputs side by side (0: one per CPU for
    more than a few inputs; see ``golive.parallel``); the result does not depend on it.
    """
    settings = settings or Settings()
    full = load_catalog()
    values = dict(parameters or {})
    result = ScanResult([str(p) for p in paths], profile, full)
    reviewer = _Reviewer(full, settings, profile, values)
    units = list(discover_inputs(paths))
    if worker_count(jobs, len(units)) > 1:
        import_readers(units)
    for outcome in map_in_order(reviewer.review, units, jobs, input_size, needs_sam):
        result.files_seen += 1
        result.stacks.extend(outcome.stacks)
        result.findings.extend(outcome.findings)
        result.errors.extend(outcome.errors)
        result.notes.extend(outcome.notes)
        if outcome.stacks and outcome.profile is not profile:
            result.file_profiles[outcome.file] = outcome.profile
        if outcome.loaded:
            reviewer.engine(outcome.profile)  # perhaps built in a helper; its selection counts here
    reviewer.engine(profile)
    ran = {check_id for engine in reviewer.engines.values() for check_id in engine.selected}
    result.catalog = {check_id: meta for check_id, meta in full.items() if check_id in ran}
    suppressed = apply_suppressions(result.findings, result.stacks, settings, full, ran)
    result.findings = sorted(suppressed.findings, key=finding_order)
    result.errors.extend(suppressed.errors)
    result.unused_suppressions = suppressed.unused
    if baseline is not None:
        result.findings, result.baseline_fixed = mark_known(result.findings, baseline)
        result.baseline = str(baseline.path)
    result.errors.sort(key=lambda e: (e.file, e.line or 0, e.message))
    return result


@dataclass
class _Outcome:
    """What reviewing one input gives: its stacks and findings, or why it could not be read."""

    file: str
    profile: Profile
    #: False when the input could not be read (its error is in ``errors``).
    loaded: bool = False
    stacks: list[Stack] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    notes: list[InputError] = field(default_factory=list)


class _Reviewer:
    """Loads and judges one input at a time, with one engine per profile in use."""

    def __init__(
        self,
        catalog: Mapping[str, CheckMeta],
        settings: Settings,
        profile: Profile,
        values: Mapping[str, Any],
    ) -> None:
        self.catalog = catalog
        self.settings = settings
        self.profile = profile
        self.values = values
        self.engines: dict[Profile, Engine] = {}

    def engine(self, profile: Profile) -> Engine:
        """The engine for ``profile``, built on first use."""
        if profile not in self.engines:
            self.engines[profile] = Engine(self.catalog, REGISTRY, profile, self.settings)
        return self.engines[profile]

    def review(self, unit: Input) -> _Outcome:
        """Load ``unit`` and judge every stack it holds; a read failure is an error, not a raise."""
        file = str(unit.path)
        profile = self.settings.profile_for(file, self.profile)
        outcome = _Outcome(file, profile)
        try:
            loaded_stacks = load_input(unit, self.values)
        except LoadError as exc:
            outcome.errors.append(InputError(exc.file, exc.line, exc.message))
            return outcome
        except OSError as exc:
            outcome.errors.append(InputError(file, None, f"cannot read the file: {exc.strerror}"))
            return outcome
        outcome.loaded = True
        for loaded in loaded_stacks:
            outcome.errors.extend(loaded.problems)
            outcome.notes.extend(loaded.notes)
            stack_result = self.engine(profile).run(loaded.stack, self.values)
            outcome.findings.extend(stack_result.findings)
            outcome.errors.extend(stack_result.errors)
            outcome.stacks.append(loaded.stack.after_review())
        return outcome


def input_size(unit: Input) -> int:
    """Bytes to read for ``unit``: roughly how long it takes to review (folders: their files)."""
    try:
        if unit.path.is_file():
            return unit.path.stat().st_size
        return sum(entry.stat().st_size for entry in unit.path.iterdir() if entry.is_file())
    except OSError:
        return 0


def finding_order(finding: Finding) -> tuple[Any, ...]:
    """The one deterministic order of findings in every report."""
    r = finding.resource
    return (finding.check_id, r.file, r.line or 0, r.logical_id, r.deployed_id or "")
