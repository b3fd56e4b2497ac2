"""One review from paths to results: discover, load, evaluate, aggregate.

This is the pipeline's driver; it knows the order of the stages and nothing of their
insides. Each file is loaded and judged on its own, so one unreadable file costs only
itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from golive.catalog import CheckMeta, load_catalog
from golive.checks import REGISTRY
from golive.discover import discover
from golive.engine import Engine
from golive.loaders.cloudformation import load_template
from golive.loaders.errors import LoadError
from golive.model import Finding, InputError, Profile, Stack
from golive.settings import Settings


@dataclass
class ScanResult:
    """Everything a report needs: what was scanned, the findings, and the errors."""

    paths: list[str]
    profile: Profile
    catalog: Mapping[str, CheckMeta]
    stacks: list[Stack] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    files_seen: int = 0


def run_scan(
    paths: Sequence[Path],
    profile: Profile = Profile.PRODUCTION,
    parameters: Mapping[str, Any] | None = None,
    settings: Settings | None = None,
) -> ScanResult:
    """Review every template under ``paths``; raises ``MissingPathError`` for a missing path."""
    catalog = load_catalog()
    engine = Engine(catalog, REGISTRY, profile, settings or Settings())
    values = dict(parameters or {})
    result = ScanResult([str(p) for p in paths], profile, catalog)
    for file in discover(paths):
        result.files_seen += 1
        try:
            loaded = load_template(file, values)
        except LoadError as exc:
            result.errors.append(InputError(exc.file, exc.line, exc.message))
            continue
        except OSError as exc:
            result.errors.append(
                InputError(str(file), None, f"cannot read the file: {exc.strerror}")
            )
            continue
        if loaded is None:
            continue
        result.stacks.append(loaded.stack)
        result.errors.extend(loaded.problems)
        stack_result = engine.run(loaded.stack, values)
        result.findings.extend(stack_result.findings)
        result.errors.extend(stack_result.errors)
    result.findings.sort(key=finding_order)
    result.errors.sort(key=lambda e: (e.file, e.line or 0, e.message))
    return result


def finding_order(finding: Finding) -> tuple[Any, ...]:
    """The one deterministic order of findings in every report."""
    r = finding.resource
    return (finding.check_id, r.file, r.line or 0, r.logical_id, r.deployed_id or "")
