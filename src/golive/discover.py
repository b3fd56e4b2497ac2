"""Find the files to review under the paths the user gave.

Directories are walked recursively in a stable order; only YAML and JSON files are
candidates (whether one is a template is decided when it is read). Folders that never hold
templates a team deploys (version control, virtual environments, dependencies, build
caches) are not entered.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

SUFFIXES = frozenset({".yaml", ".yml", ".json", ".template"})
SKIPPED_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        "node_modules",
        "__pycache__",
        ".aws-sam",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".tox",
        ".terraform",
    }
)


class MissingPathError(FileNotFoundError):
    """A path given on the command line does not exist."""


def discover(paths: Iterable[Path]) -> list[Path]:
    """Candidate files under ``paths``, each once, sorted within each given path."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_file():
            found.setdefault(path, None)
        elif path.is_dir():
            for file in _walk(path):
                found.setdefault(file, None)
        elif path.exists():
            raise MissingPathError(
                f"{path}: not a regular file or a directory; give template files or folders"
            )
        else:
            raise MissingPathError(f"{path}: no such file or directory; check the path")
    return list(found)


def _walk(root: Path) -> list[Path]:
    files: list[Path] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        for name in sorted(names):
            if os.path.splitext(name)[1].lower() not in SUFFIXES:
                continue
            file = Path(folder, name)
            # Regular files only: reading a FIFO would block the scan forever, and a dangling
            # symlink is not a template anyone deploys.
            if file.is_file():
                files.append(file)
    return files
