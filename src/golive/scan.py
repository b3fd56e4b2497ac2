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
from golive.discover import discover_inputs
from golive.engine import Engine
from golive.loaders import load_input
from golive.loaders.errors import LoadError
from golive.model import Finding, InputError, Profile, Stack
from golive.settings import Settings
from golive.suppress import UnusedSuppression, apply_suppressions


@dataclass
class ScanResult:
    """Everything a report needs: what was scanned, the findings, and the errors."""

    paths: list[str]
    profile: Profile
    #: The checks that ran (the catalogue less what the settings deselect), in catalogue order.
    catalog: Mapping[str, CheckMeta]
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
) -> ScanResult:
    """Review every input under ``paths``; raises ``MissingPathError`` for a missing path."""
    settings = settings or Settings()
    full = load_catalog()
    engines: dict[Profile, Engine] = {}
    values = dict(parameters or {})
    result = ScanResult([str(p) for p in paths], profile, full)
    for unit in discover_inputs(paths):
        result.files_seen += 1
        file = unit.path
        try:
            loaded_stacks = load_input(unit, values)
        except LoadError as exc:
            result.errors.append(InputError(exc.file, exc.line, exc.message))
            continue
        except OSError as exc:
            result.errors.append(
                InputError(str(file), None, f"cannot read the file: {exc.strerror}")
            )
            continue
        file_profile = settings.profile_for(str(file), profile)
        if loaded_stacks and file_profile is not profile:
            result.file_profiles[str(file)] = file_profile
        if file_profile not in engines:
            engines[file_profile] = Engine(full, REGISTRY, file_profile, settings)
        for loaded in loaded_stacks:
            result.stacks.append(loaded.stack)
            result.errors.extend(loaded.problems)
            result.notes.extend(loaded.notes)
            stack_result = engines[file_profile].run(loaded.stack, values)
            result.findings.extend(stack_result.findings)
            result.errors.extend(stack_result.errors)
    if profile not in engines:
        engines[profile] = Engine(full, REGISTRY, profile, settings)
    ran = {check_id for engine in engines.values() for check_id in engine.selected}
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


def finding_order(finding: Finding) -> tuple[Any, ...]:
    """The one deterministic order of findings in every report."""
    r = finding.resource
    return (finding.check_id, r.file, r.line or 0, r.logical_id, r.deployed_id or "")
