"""What one command line asks for: the settings file merged with the flags, and the reports.

Kept apart from ``golive.cli`` so the command module stays a thin layer of options: the
rules for which source wins live here, in one place, and are tested without a terminal.

- A flag replaces the settings key it corresponds to (``--select`` replaces ``select``,
  it does not extend it).
- ``--profile`` reviews every file under that profile: per-path profiles step aside.
- ``--format`` replaces the settings' ``formats`` together with their outputs; without it,
  ``--output`` / ``--output-dir`` pair with the formats the settings name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from golive.model import Profile
from golive.settings import (
    OutputSpec,
    Selection,
    Settings,
    SettingsError,
    check_selector,
    find_settings,
    read_settings_file,
)


class UsageError(ValueError):
    """Flags that contradict each other; the message says what to give instead."""


def load_settings(config: Path | None, cwd: Path) -> Settings:
    """The named settings file, else the nearest one from ``cwd`` upwards."""
    return read_settings_file(config) if config is not None else find_settings(cwd)


def split_selectors(values: Sequence[str]) -> tuple[str, ...]:
    """Repeatable, comma-separated selector flags as one tuple."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def merge_flags(
    settings: Settings,
    profile: Profile | None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> Settings:
    """``settings`` with the command line's choices in place of the file's."""
    from golive.catalog import load_catalog

    chosen_select, chosen_ignore = split_selectors(select), split_selectors(ignore)
    for flag, selectors in (("--select", chosen_select), ("--ignore", chosen_ignore)):
        for selector in selectors:
            problem = check_selector(selector, load_catalog())
            if problem:
                raise SettingsError(f"{flag}: {problem}")
    selection = Selection(
        chosen_select or settings.selection.select, chosen_ignore or settings.selection.ignore
    )
    if profile is not None:
        return replace(settings, profile=profile, profiles=(), selection=selection)
    return replace(settings, selection=selection)


def report_targets(
    formats: Sequence[str],
    outputs: Sequence[Path],
    output_dir: Path | None,
    settings: Settings,
) -> list[tuple[str, Path | None]]:
    """Pair each report format with where it goes (None: standard output)."""
    from golive.report.registry import REPORTERS

    for name in formats:
        if name not in REPORTERS:
            raise UsageError(f"unknown --format {name!r}; choose from {', '.join(REPORTERS)}")
    if formats or outputs or output_dir is not None or not settings.formats:
        names = list(formats) or [s.format for s in settings.formats] or ["terminal"]
        return _pair(names, list(outputs), output_dir)
    return [_configured(spec, settings) for spec in settings.formats]


def _configured(spec: OutputSpec, settings: Settings) -> tuple[str, Path | None]:
    from golive.report.registry import REPORTERS

    if spec.output is not None:
        return spec.format, settings.resolve(spec.output)
    if settings.output_dir is not None:
        folder = settings.resolve(settings.output_dir)
        return spec.format, folder / f"golive.{REPORTERS[spec.format].extension}"
    return spec.format, None


def _pair(
    formats: list[str], outputs: list[Path], output_dir: Path | None
) -> list[tuple[str, Path | None]]:
    from golive.report.registry import REPORTERS

    if output_dir is not None:
        if outputs:
            raise UsageError("give either --output or --output-dir, not both")
        return [(n, output_dir / f"golive.{REPORTERS[n].extension}") for n in formats]
    if not outputs:
        if len(formats) > 1:
            raise UsageError("several formats need an --output for each, or --output-dir")
        return [(formats[0], None)]
    if len(outputs) != len(formats):
        raise UsageError(
            f"{len(formats)} --format but {len(outputs)} --output: give one file per format"
        )
    return list(zip(formats, outputs, strict=True))


def baseline_path(flag: Path | None, settings: Settings) -> Path | None:
    """The baseline to compare with: the flag's, else the settings' ``baseline``."""
    if flag is not None:
        return flag
    return settings.resolve(settings.baseline) if settings.baseline else None
