"""Find what to review under the paths the user gave.

Directories are walked recursively in a stable order. Three kinds of input come out:

- a **file**: YAML or JSON (a CloudFormation or SAM template, or a Terraform plan in
  ``terraform show -json`` form; whether it is either is decided when it is read);
- a **CDK cloud assembly**: a folder holding ``manifest.json`` beside ``*.template.json``
  files (``cdk.out``), reviewed as a whole and never entered file by file;
- a **Terraform configuration**: a folder holding ``*.tf`` files (a root module). A folder
  that another configuration under the same paths uses as a local module
  (``source = "./modules/api"``) is reviewed through its caller, not on its own. A single
  ``.tf`` file named on the command line is reviewed alone.

Folders that never hold what a team deploys (version control, virtual environments,
dependencies, build caches, Terraform's provider cache) are not entered.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
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

#: ``source = "./x"`` or ``"../x"`` in a module block: a local module, by its text alone.
_LOCAL_SOURCE = re.compile(r"""^\s*source\s*=\s*"(\.\.?/[^"]*)"\s*$""", re.MULTILINE)


class InputKind(str, Enum):
    FILE = "file"
    CDK_ASSEMBLY = "cdk"
    TERRAFORM = "terraform"


@dataclass(frozen=True)
class Input:
    """One thing to review: a file, a cloud assembly folder or a Terraform root module."""

    kind: InputKind
    path: Path
    #: Terraform: the one ``.tf`` file given on the command line, reviewed on its own
    #: (as Checkov's ``-f`` does); None for a whole folder.
    only: Path | None = None


class MissingPathError(FileNotFoundError):
    """A path given on the command line does not exist."""


def discover_inputs(paths: Iterable[Path]) -> list[Input]:
    """Everything to review under ``paths``, each once, in a stable order."""
    found: dict[Input, None] = {}
    for path in paths:
        if path.is_file():
            if path.suffix == ".tf":
                found.setdefault(Input(InputKind.TERRAFORM, path.parent, path), None)
            elif path.name == "manifest.json" and is_cloud_assembly(path.parent):
                found.setdefault(Input(InputKind.CDK_ASSEMBLY, path.parent), None)
            else:
                found.setdefault(Input(InputKind.FILE, path), None)
        elif path.is_dir():
            for unit in _walk(path):
                found.setdefault(unit, None)
        elif path.exists():
            raise MissingPathError(
                f"{path}: not a regular file or a directory; give template files or folders"
            )
        else:
            raise MissingPathError(f"{path}: no such file or directory; check the path")
    return _without_called_modules(list(found))


def is_cloud_assembly(folder: Path) -> bool:
    """A CDK cloud assembly: ``manifest.json`` with a ``cdk.out`` marker or stack templates."""
    if not (folder / "manifest.json").is_file():
        return False
    if (folder / "cdk.out").is_file():
        return True
    return any(name.endswith(".template.json") for name in os.listdir(folder))


def _walk(root: Path) -> list[Input]:
    units: list[Input] = []
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        if "manifest.json" in names and is_cloud_assembly(here):
            units.append(Input(InputKind.CDK_ASSEMBLY, here))
            dirs[:] = []
            continue
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        has_terraform = False
        for name in sorted(names):
            suffix = os.path.splitext(name)[1].lower()
            if suffix == ".tf":
                has_terraform = True
                continue
            if suffix not in SUFFIXES:
                continue
            file = Path(folder, name)
            # Regular files only: reading a FIFO would block the scan forever, and a dangling
            # symlink is not a template anyone deploys.
            if file.is_file():
                units.append(Input(InputKind.FILE, file))
        if has_terraform:
            units.append(Input(InputKind.TERRAFORM, here))
    return units


def _without_called_modules(units: list[Input]) -> list[Input]:
    """Drop Terraform folders that another found configuration calls as a local module."""
    folders = {
        u.path.resolve(): u for u in units if u.kind is InputKind.TERRAFORM and u.only is None
    }
    if len(folders) < 2:
        return units
    called: set[Path] = set()
    for folder in folders:
        for tf in folder.glob("*.tf"):
            try:
                text = tf.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            for source in _LOCAL_SOURCE.findall(text):
                target = (folder / source).resolve()
                if target != folder:
                    called.add(target)
    return [
        u
        for u in units
        if u.kind is not InputKind.TERRAFORM or u.only or u.path.resolve() not in called
    ]
