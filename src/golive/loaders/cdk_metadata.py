"""What a cloud assembly records about the constructs of one stack.

A stack artifact carries construct metadata: a mapping from construct path (``/Orders/Api/
Handler/Resource``) to entries ``{type, data, trace?}``. CDK writes it inline in the
manifest (``artifacts.<id>.metadata``) or, since cloud-assembly schema 4x/5x, into a file
the artifact names in ``additionalMetadataFile`` (``Orders.metadata.json``); both are read
and merged. golive uses these entry types:

- ``aws:cdk:logicalId``: which construct a template's logical id comes from;
- ``aws:cdk:creationStack`` (current CDK, on by default) or the ``trace`` of the logical-id
  entry (older CDK under ``CDK_DEBUG``): the stack trace of the construct's creation, from
  which the first frame in the app's own code becomes the source location;
- ``aws:cdk:templateFile``: the template of a stack or of a nested stack;
- ``aws:cdk:stack-tags``: the stack's tags;
- ``aws:cdk:acknowledged-rules``: what ``Validations.of(scope).acknowledge({id, reason})``
  records on ``scope`` (cdk-nag v3 suppressions are written this way), ``{id: reason}``.
  An acknowledgement on a construct covers everything below it, so a resource inherits
  those of its ancestors; the nearest wins.

Paths are kept without the leading slash, as ``aws:cdk:path`` writes them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from golive.model import Location
from golive.suppress import ACKNOWLEDGED

LOGICAL_ID = "aws:cdk:logicalId"
CREATION_STACK = "aws:cdk:creationStack"
TEMPLATE_FILE = "aws:cdk:templateFile"
STACK_TAGS = "aws:cdk:stack-tags"

#: ``at fn (file:line:col)``, ``fn (file:line:col)`` or ``at file:line:col``.
_FRAME = re.compile(r"\(?(?P<file>[^\s()]+?):(?P<line>\d+):(?P<column>\d+)\)?\s*$")
#: Frames that are not the app's code: CDK itself, Node.js, the jsii kernel that runs CDK
#: for Python, Java, .NET and Go apps (those traces hold no frame of the app's language).
_FOREIGN = ("/node_modules/", "\\node_modules\\", "node:", "internal/", "/jsii/", "jsii-kernel-")
#: How many folders above the assembly a moved source tree is looked for in.
_ANCHOR_LEVELS = 3


@dataclass
class Construct:
    """The entries golive reads for one construct path."""

    logical_id: str | None = None
    creation_stack: tuple[str, ...] = ()
    template_file: str | None = None
    stack_tags: dict[str, str] = field(default_factory=dict)
    acknowledged: dict[str, str] = field(default_factory=dict)


class ConstructMetadata:
    """The construct metadata of one stack artifact (its nested stacks included)."""

    def __init__(self, entries: Mapping[str, Any], assembly: Path) -> None:
        self.assembly = assembly
        self.constructs: dict[str, Construct] = {}
        self._sources: dict[str, str | None] = {}
        for raw_path, items in entries.items():
            if isinstance(items, list):
                self._read(str(raw_path).strip("/"), items)

    def _read(self, path: str, items: list[Any]) -> None:
        construct = self.constructs.setdefault(path, Construct())
        for item in items:
            if not isinstance(item, dict):
                continue
            kind, data = item.get("type"), item.get("data")
            if kind == LOGICAL_ID and isinstance(data, str):
                construct.logical_id = data
                if not construct.creation_stack:
                    construct.creation_stack = _frames(item.get("trace"))
            elif kind == CREATION_STACK:
                construct.creation_stack = _frames(data) or construct.creation_stack
            elif kind == TEMPLATE_FILE and isinstance(data, str):
                construct.template_file = data
            elif kind == STACK_TAGS:
                construct.stack_tags.update(tag_mapping(data))
            elif kind == ACKNOWLEDGED and isinstance(data, dict):
                construct.acknowledged.update(
                    {str(k): v for k, v in data.items() if isinstance(v, str)}
                )

    def templates(self) -> dict[str, str]:
        """Construct path -> template file, for the stack and every nested stack."""
        return {p: c.template_file for p, c in self.constructs.items() if c.template_file}

    def logical_ids(self, prefix: str, deeper: Iterable[str]) -> dict[str, str]:
        """Logical id -> construct path for the resources of the stack at ``prefix``.

        A nested stack's constructs sit under its parent's path, so paths under a deeper
        stack prefix (``deeper``) belong to that stack, not this one.
        """
        others = [d for d in deeper if _under(d, prefix) and d != prefix]
        found: dict[str, str] = {}
        for path, construct in self.constructs.items():
            if construct.logical_id is None or not _under(path, prefix):
                continue
            if any(_under(path, other) for other in others):
                continue
            found.setdefault(construct.logical_id, path)
        return found

    def acknowledged(self, path: str) -> dict[str, str]:
        """The acknowledgements covering ``path``: its own and its ancestors' (nearest wins)."""
        merged: dict[str, str] = {}
        parts = path.split("/")
        for depth in range(len(parts), 0, -1):
            construct = self.constructs.get("/".join(parts[:depth]))
            if construct is not None:
                for rule, reason in construct.acknowledged.items():
                    merged.setdefault(rule, reason)
        return merged

    def stack_tags(self, path: str) -> dict[str, str]:
        construct = self.constructs.get(path)
        return dict(construct.stack_tags) if construct else {}

    def source_location(self, path: str) -> Location | None:
        """Where the app created the construct at ``path``, from its creation stack."""
        construct = self.constructs.get(path)
        if construct is None:
            return None
        for frame in construct.creation_stack:
            match = _FRAME.search(frame.strip())
            if match is None or frame.lstrip().startswith("..."):
                continue
            raw = match["file"].removeprefix("file://")
            if any(marker in raw for marker in _FOREIGN):
                continue
            shown = self._source_file(raw)
            if shown is not None:
                return Location(shown, int(match["line"]), int(match["column"]))
        return None

    def _source_file(self, raw: str) -> str | None:
        if raw not in self._sources:
            self._sources[raw] = source_file(raw, self.assembly)
        return self._sources[raw]


def source_file(raw: str, assembly: Path) -> str | None:
    """A trace's file as a path to show: relative to the working directory when it can be.

    Node writes absolute paths. When the assembly was synthesized elsewhere (a CI machine,
    a container), that path does not exist here; the longest tail of it that exists beside
    the assembly (or a few folders up: ``cdk.out`` usually sits in the app folder) is the
    same file in this checkout. A relative path is taken from the assembly's folder. A file
    found nowhere is shown as written.
    """
    path = Path(raw)
    if not path.is_absolute():
        candidate = assembly / path
        return _shown(candidate) if candidate.is_file() else raw
    if path.is_file():
        return _shown(path)
    parts = path.parts[1:]
    bases = [assembly, *list(assembly.parents)[:_ANCHOR_LEVELS]]
    for start in range(len(parts)):
        tail = parts[start:]
        for base in bases:
            candidate = base.joinpath(*tail)
            if candidate.is_file():
                return _shown(candidate)
    return raw


def _shown(path: Path) -> str:
    """``path`` relative to the working directory when under it, else absolute."""
    absolute = path.resolve()
    try:
        return os.path.relpath(absolute) if absolute.is_relative_to(Path.cwd()) else str(absolute)
    except ValueError:  # another drive on Windows
        return str(absolute)


def tag_mapping(data: Any) -> dict[str, str]:
    """Tags given as ``{Key: Value}`` or ``[{key, value}]`` (either case) as a mapping."""
    if isinstance(data, dict):
        return {str(k): str(v) for k, v in data.items() if isinstance(v, (str, int, float))}
    tags: dict[str, str] = {}
    if isinstance(data, list):
        for item in data:
            if not isinstance(item, dict):
                continue
            key = item.get("key", item.get("Key"))
            value = item.get("value", item.get("Value"))
            if isinstance(key, str) and isinstance(value, (str, int, float)):
                tags[key] = str(value)
    return tags


def _frames(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(value.splitlines())
    if isinstance(value, list):
        return tuple(line for item in value if isinstance(item, str) for line in item.splitlines())
    return ()


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + "/")
