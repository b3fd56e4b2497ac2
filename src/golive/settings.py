"""Project settings: from ``golive.toml`` or ``[tool.golive]`` in ``pyproject.toml``.

The file is found from the working directory upwards. Unknown keys and values of the wrong
type are errors that name the file and the key: a silently ignored setting is worse than
none.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

#: Cost-allocation tags every taggable resource should carry, after seed 001's
#: ``common_tags`` (its ``ManagedBy`` tag is set by the tool, so it is left out).
DEFAULT_REQUIRED_TAGS = ("Environment", "Project", "Team", "CostCenter")


class SettingsError(ValueError):
    """A settings file golive cannot use; the message names the file and the key."""


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


_KEYS = {
    "required-tags": "required_tags",
    "stack-tags": "stack_tags",
    "global-audience": "global_audience",
}


def find_settings(start: Path) -> Settings:
    """Settings from the nearest ``golive.toml`` or ``pyproject.toml`` with ``[tool.golive]``."""
    for folder in (start, *start.parents):
        own = folder / "golive.toml"
        if own.is_file():
            return parse_settings(_read(own), str(own))
        project = folder / "pyproject.toml"
        if project.is_file():
            table = _read(project).get("tool", {}).get("golive")
            if table is not None:
                return parse_settings(table, f"{project} [tool.golive]")
    return Settings()


def _read(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
        return data
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read settings: {exc}") from exc


def parse_settings(table: Any, source: str) -> Settings:
    """Validate a settings table; ``source`` names it in messages."""
    if not isinstance(table, dict):
        raise SettingsError(f"{source}: settings must be a table")
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = _KEYS.get(key)
        if name is None:
            raise SettingsError(f"{source}: unknown key {key!r}; known keys: {sorted(_KEYS)}")
        if name in ("required_tags", "stack_tags"):
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise SettingsError(f"{source}: {key!r} must be a list of tag keys")
            values[name] = tuple(value)
        elif not isinstance(value, bool):
            raise SettingsError(f"{source}: {key!r} must be true or false")
        else:
            values[name] = value
    return Settings(**values, source=source)
