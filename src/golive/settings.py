"""Project settings: from ``golive.toml`` or ``[tool.golive]`` in ``pyproject.toml``.

The file is found from the working directory upwards. Unknown keys and values of the wrong
type are errors that name the file and the key: a silently ignored setting is worse than
none. Paths written in the file (outputs, baseline, path patterns) are relative to the
file's folder, so the same file means the same thing from any working directory. Options
on the command line override the file; ``golive.cli`` does that merge.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from golive import pathglob
from golive.model import Finding, Pillar, Profile, Severity, Status

if TYPE_CHECKING:
    from golive.catalog import CheckMeta

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

#: Cost-allocation tags every taggable resource should carry, after seed 001's
#: ``common_tags`` (its ``ManagedBy`` tag is set by the tool, so it is left out).
DEFAULT_REQUIRED_TAGS = ("Environment", "Project", "Team", "CostCenter")


class SettingsError(ValueError):
    """A settings file golive cannot use; the message names the file and the key."""


class FailOn(str, Enum):
    """The lowest severity whose FAIL makes ``scan`` exit 1."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"
    NEVER = "never"

    def blocks(self, finding: Finding) -> bool:
        """Whether ``finding`` fails the run: a new FAIL at or above this severity."""
        if self is FailOn.NEVER or finding.status is not Status.FAIL or finding.in_baseline:
            return False
        return finding.severity.rank >= Severity(self.value).rank


_PILLARS = {p.value for p in Pillar}
_SEVERITIES = {s.value for s in Severity}


def selector_matches(selector: str, meta: CheckMeta, profile: Profile) -> bool:
    """Whether one selector covers a check.

    A selector is a check id (``lambda.vpc``), an id prefix ending in a dot (``lambda.``),
    a pillar (``security``) or a severity under the profile in effect (``high``).
    """
    if selector in _PILLARS:
        return meta.pillar.value == selector
    if selector in _SEVERITIES:
        return meta.severity(profile).value == selector
    if selector.endswith("."):
        return meta.id.startswith(selector)
    return meta.id == selector


def check_selector(selector: Any, catalog: Mapping[str, CheckMeta]) -> str | None:
    """Why ``selector`` is unusable, or None when it is fine."""
    if not isinstance(selector, str) or not selector.strip():
        return "selectors are non-empty strings"
    if selector in _PILLARS or selector in _SEVERITIES:
        return None
    if any(selector_matches(selector, meta, Profile.PRODUCTION) for meta in catalog.values()):
        return None
    hint = ""
    if "." not in selector and any(c.startswith(selector + ".") for c in catalog):
        hint = f"; for every {selector} check write '{selector}.'"
    return (
        f"{selector!r} matches no check{hint} (give a check id, an id prefix such as "
        "'lambda.', a pillar or a severity)"
    )


@dataclass(frozen=True)
class Selection:
    """Which checks run: all of ``select`` (every check when empty), minus ``ignore``."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def includes(self, meta: CheckMeta, profile: Profile) -> bool:
        """Whether ``meta`` runs under ``profile``."""
        if self.select and not any(selector_matches(s, meta, profile) for s in self.select):
            return False
        return not any(selector_matches(s, meta, profile) for s in self.ignore)


@dataclass(frozen=True)
class ConfigSuppression:
    """A suppression written in the settings file, with the reason it stands for."""

    #: A check id, an id prefix ending in a dot, or ``*`` for every check.
    check: str
    reason: str
    #: A logical id or a pattern of them (``Legacy*``); the SAM name or the deployed one.
    resource: str | None = None
    #: A path pattern relative to the settings file's folder.
    path: str | None = None
    #: Its position in the file (1-based), for messages.
    number: int = 0

    def covers_check(self, check_id: str) -> bool:
        """Whether the suppression is about ``check_id``."""
        if self.check == "*":
            return True
        if self.check.endswith("."):
            return check_id.startswith(self.check)
        return check_id == self.check


@dataclass(frozen=True)
class OutputSpec:
    """One report the scan writes by default: a format and its file (None: standard output)."""

    format: str
    output: str | None = None


@dataclass(frozen=True)
class Settings:
    """What a project tells golive about itself."""

    required_tags: tuple[str, ...] = DEFAULT_REQUIRED_TAGS
    #: Tags given to the whole stack at deploy time (``--tags``); they reach every resource.
    stack_tags: tuple[str, ...] = ()
    #: The application serves every country on purpose: geo restriction does not apply.
    global_audience: bool = False
    #: Where the settings came from, for messages (None: built-in defaults).
    source: str | None = None
    #: The settings file, relative to the working directory, for reports (None: no file).
    file: str | None = None
    #: The folder relative paths are resolved from (the settings file's; None: working dir).
    root: str | None = None
    profile: Profile | None = None
    fail_on: FailOn | None = None
    formats: tuple[OutputSpec, ...] = ()
    output_dir: str | None = None
    selection: Selection = field(default_factory=Selection)
    suppressions: tuple[ConfigSuppression, ...] = ()
    #: ``(pattern, profile)`` in the order written; the first pattern matching a file wins.
    profiles: tuple[tuple[str, Profile], ...] = ()
    baseline: str | None = None
    #: Processes reviewing files side by side (0: one per CPU; None: not set here).
    jobs: int | None = None

    def resolve(self, path: str) -> Path:
        """A path written in the settings, made usable from the working directory."""
        written = Path(path)
        if written.is_absolute() or self.root is None:
            return written
        return Path(self.root) / written

    def profile_for(self, file: str, default: Profile) -> Profile:
        """The profile a file is reviewed under: the first matching path pattern, else default."""
        if not self.profiles:
            return default
        relative = pathglob.relative_path(file, self.root)
        if relative is None:
            return default
        for pattern, profile in self.profiles:
            if pathglob.matches(pattern, relative):
                return profile
        return default


def find_settings(start: Path) -> Settings:
    """Settings from the nearest ``golive.toml`` or ``pyproject.toml`` with ``[tool.golive]``."""
    for folder in (start, *start.parents):
        own = folder / "golive.toml"
        if own.is_file():
            return parse_settings(_read(own), str(own), root=str(folder), file=_shown(own))
        project = folder / "pyproject.toml"
        if project.is_file():
            table = _read(project).get("tool", {}).get("golive")
            if table is not None:
                source = f"{project} [tool.golive]"
                return parse_settings(table, source, root=str(folder), file=_shown(project))
    return Settings()


def _shown(path: Path) -> str:
    """``path`` relative to the working directory, so reports read the same on every machine."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive (Windows)
        return str(path)


def read_settings_file(path: Path) -> Settings:
    """Settings from a file named on the command line (``--config``)."""
    if not path.is_file():
        raise SettingsError(f"{path}: no such settings file")
    data = _read(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("golive")
        if table is None:
            raise SettingsError(f"{path}: has no [tool.golive] table")
        source = f"{path} [tool.golive]"
        return parse_settings(table, source, root=str(path.parent), file=_shown(path))
    return parse_settings(data, str(path), root=str(path.parent), file=_shown(path))


def _read(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
        return data
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read settings: {exc}") from exc


_KEYS = (
    "profile",
    "fail-on",
    "formats",
    "output-dir",
    "required-tags",
    "stack-tags",
    "global-audience",
    "select",
    "ignore",
    "suppressions",
    "profiles",
    "baseline",
    "jobs",
)
_SUPPRESSION_KEYS = ("check", "reason", "resource", "path")


def parse_settings(
    table: Any, source: str, root: str | None = None, file: str | None = None
) -> Settings:
    """Validate a settings table; ``source`` names it in messages, ``root`` anchors paths."""
    if not isinstance(table, dict):
        raise SettingsError(f"{source}: settings must be a table")
    reader = _Reader(source)
    values: dict[str, Any] = {}
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    for key, value in table.items():
        if key not in _KEYS:
            raise reader.error(key, f"unknown key; known keys: {', '.join(_KEYS)}")
        if key in ("required-tags", "stack-tags"):
            values[key.replace("-", "_")] = reader.strings(key, value, "tag keys")
        elif key == "global-audience":
            if not isinstance(value, bool):
                raise reader.error(key, "must be true or false")
            values["global_audience"] = value
        elif key == "profile":
            values["profile"] = reader.choice(key, value, Profile)
        elif key == "fail-on":
            values["fail_on"] = reader.choice(key, value, FailOn)
        elif key == "formats":
            values["formats"] = reader.formats(value)
        elif key in ("output-dir", "baseline"):
            values[key.replace("-", "_")] = reader.path(key, value)
        elif key == "select":
            select = reader.selectors(key, value)
        elif key == "ignore":
            ignore = reader.selectors(key, value)
        elif key == "suppressions":
            values["suppressions"] = reader.suppressions(value)
        elif key == "jobs":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise reader.error(key, "must be a whole number: 0 (one per CPU), 1 (none) or more")
            values["jobs"] = value
        else:  # profiles
            values["profiles"] = reader.profiles(value)
    to_stdout = [spec for spec in values.get("formats", ()) if spec.output is None]
    if len(to_stdout) > 1 and "output_dir" not in values:
        raise reader.error(
            "formats", "only one format can go to standard output: give the others an output"
        )
    selection = Selection(select, ignore)
    return Settings(**values, selection=selection, source=source, root=root, file=file)


@dataclass(frozen=True)
class _Reader:
    """Validates values of one settings file; every message names the file and key."""

    source: str

    def error(self, key: str, message: str) -> SettingsError:
        return SettingsError(f"{self.source}: {key!r}: {message}")

    def strings(self, key: str, value: Any, what: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.error(key, f"must be a list of {what}")
        return tuple(value)

    def choice(self, key: str, value: Any, kind: type[Enum]) -> Any:
        names = [member.value for member in kind]
        if value not in names:
            raise self.error(key, f"{value!r} is not one of {', '.join(names)}")
        return kind(value)

    def path(self, key: str, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, "must be a path (a non-empty string)")
        return value

    def selectors(self, key: str, value: Any) -> tuple[str, ...]:
        from golive.catalog import load_catalog

        items = self.strings(key, value, "selectors")
        for item in items:
            problem = check_selector(item, load_catalog())
            if problem:
                raise self.error(key, problem)
        return items

    def formats(self, value: Any) -> tuple[OutputSpec, ...]:
        from golive.report.registry import REPORTERS

        key = "formats"
        if not isinstance(value, list) or not value:
            raise self.error(key, 'must be a list such as ["terminal", {format = "sarif", ...}]')
        specs = []
        for item in value:
            if isinstance(item, str):
                spec = OutputSpec(item)
            elif isinstance(item, dict) and set(item) <= {"format", "output"} and "format" in item:
                output = item.get("output")
                if output is not None:
                    output = self.path(f"{key}.output", output)
                spec = OutputSpec(str(item["format"]), output)
            else:
                raise self.error(key, f"{item!r}: write a format name or {{format, output}}")
            if spec.format not in REPORTERS:
                raise self.error(
                    key, f"unknown format {spec.format!r}; choose from {', '.join(REPORTERS)}"
                )
            specs.append(spec)
        return tuple(specs)

    def suppressions(self, value: Any) -> tuple[ConfigSuppression, ...]:
        from golive.catalog import load_catalog

        if not isinstance(value, list):
            raise self.error("suppressions", "must be an array of tables ([[...suppressions]])")
        catalog = load_catalog()
        found = []
        for number, item in enumerate(value, start=1):
            key = f"suppressions[{number}]"
            if not isinstance(item, dict):
                raise self.error(key, "must be a table with check and reason")
            unknown = sorted(set(item) - set(_SUPPRESSION_KEYS))
            if unknown:
                raise self.error(
                    key, f"unknown key {unknown[0]!r}; known: {', '.join(_SUPPRESSION_KEYS)}"
                )
            for name in ("resource", "path"):
                if name in item and not (isinstance(item[name], str) and item[name].strip()):
                    raise self.error(f"{key}.{name}", "must be a non-empty string")
            check, reason = item.get("check"), item.get("reason")
            if not isinstance(check, str) or not check:
                raise self.error(key, "needs 'check': a check id, an id prefix or '*'")
            entry = ConfigSuppression(
                check, str(reason or "").strip(), item.get("resource"), item.get("path"), number
            )
            if check != "*" and not any(entry.covers_check(c) for c in catalog):
                raise self.error(f"{key}.check", f"{check!r} matches no check")
            if not isinstance(reason, str) or not reason.strip():
                raise self.error(
                    key, "has no 'reason': a suppression stands for a decision, write down why"
                )
            if entry.path is not None and not pathglob.is_valid(entry.path):
                raise self.error(f"{key}.path", "must be relative to the settings file's folder")
            found.append(entry)
        return tuple(found)

    def profiles(self, value: Any) -> tuple[tuple[str, Profile], ...]:
        if not isinstance(value, dict):
            raise self.error("profiles", 'must be a table of path patterns: "infra/dev/**" = ...')
        found = []
        for pattern, profile in value.items():
            key = f'profiles."{pattern}"'
            if not pathglob.is_valid(pattern):
                raise self.error(key, "patterns are relative to the settings file's folder")
            found.append((pattern, self.choice(key, profile, Profile)))
        return tuple(found)
