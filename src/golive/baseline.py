"""Baselines: the FAILs a codebase had when it adopted golive, so CI fails only on new ones.

``golive baseline FILE PATH...`` records every current FAIL; ``golive scan --baseline FILE``
marks the FAILs it knows (``Finding.in_baseline``) and the exit code counts only the others.

A FAIL is known by what does not move when a template is edited around it: the check id,
the file (relative to the baseline's own folder, so the baseline works from any working
directory), the logical id the user wrote, the deployed id when SAM generated the resource,
and the property the verdict is about. Lines are left out on purpose: inserting or
reordering resources must not turn known failures into new ones. Identical keys are
counted, so a baseline of two equal FAILs does not excuse a third.

The file is JSON, sorted, without timestamps: committing a regenerated baseline shows the
failures fixed and added as a plain diff.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from golive.model import Finding, Status

FORMAT_VERSION = 1
_KEYS = ("check_id", "file", "logical_id", "deployed_id", "attribute")

Key = tuple[str, str, str, str | None, str | None]


class BaselineError(ValueError):
    """A baseline file golive cannot use; the message names the file."""


@dataclass(frozen=True)
class Baseline:
    """The known failures, counted by key, and where the file is."""

    path: Path
    known: Counter[Key]

    @property
    def root(self) -> Path:
        """The folder file paths in the baseline are relative to."""
        return self.path.parent


def finding_key(finding: Finding, root: Path) -> Key:
    """What identifies a FAIL across edits (no line numbers)."""
    r = finding.resource
    return (
        finding.check_id,
        _relative(r.file, root),
        r.logical_id,
        r.deployed_id,
        finding.attribute,
    )


def _relative(file: str, root: Path) -> str:
    return Path(os.path.relpath(Path(file).resolve(), root.resolve())).as_posix()


def render_baseline(findings: Iterable[Finding], path: Path) -> str:
    """The baseline of ``findings`` to be written at ``path``, as deterministic JSON."""
    keys = sorted(
        (finding_key(f, path.parent) for f in findings if f.status is Status.FAIL),
        key=lambda k: tuple("" if part is None else part for part in k),
    )
    entries = []
    for key in keys:
        entry = {name: value for name, value in zip(_KEYS, key, strict=True) if value is not None}
        entries.append(entry)
    document = {"golive-baseline": FORMAT_VERSION, "failures": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def read_baseline(path: Path) -> Baseline:
    """Read a baseline; raises ``BaselineError`` naming the file and what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(
            f"{path}: no such baseline; create it with `golive baseline {path} PATH...`"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc}") from exc
    if not isinstance(data, dict) or data.get("golive-baseline") != FORMAT_VERSION:
        raise BaselineError(
            f"{path}: not a golive baseline (version {FORMAT_VERSION}); "
            "write it with `golive baseline`"
        )
    entries = data.get("failures")
    if not isinstance(entries, list):
        raise BaselineError(f"{path}: 'failures' must be a list")
    known: Counter[Key] = Counter()
    for number, entry in enumerate(entries, start=1):
        known[_entry_key(entry, path, number)] += 1
    return Baseline(path, known)


def _entry_key(entry: Any, path: Path, number: int) -> Key:
    if not isinstance(entry, dict) or set(entry) - set(_KEYS):
        raise BaselineError(f"{path}: failure {number} must be an object with keys {_KEYS}")
    check_id, file, logical_id, deployed_id, attribute = (entry.get(name) for name in _KEYS)
    required = (check_id, file, logical_id)
    if not all(isinstance(v, str) and v for v in required):
        raise BaselineError(f"{path}: failure {number} needs check_id, file and logical_id")
    if not all(v is None or isinstance(v, str) for v in (deployed_id, attribute)):
        raise BaselineError(f"{path}: failure {number}: deployed_id and attribute are strings")
    return (str(check_id), str(file), str(logical_id), deployed_id, attribute)


def mark_known(findings: Iterable[Finding], baseline: Baseline) -> tuple[list[Finding], int]:
    """Set ``in_baseline`` on each FAIL the baseline records (each record excuses one).

    Also returns how many recorded failures no longer occur (fixed, or renamed away).
    """
    remaining = Counter(baseline.known)
    marked = []
    for finding in findings:
        known = False
        if finding.status is Status.FAIL:
            key = finding_key(finding, baseline.root)
            known = remaining[key] > 0
            if known:
                remaining[key] -= 1
        marked.append(replace(finding, in_baseline=True) if known else finding)
    return marked, sum(remaining.values())
