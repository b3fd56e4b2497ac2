"""The comments written inside each resource of a YAML template, by the resource's line.

YAML parsers drop comments, yet teams record decisions in them (``# checkov:skip=...``).
This module reads them back from the raw text: a resource's text runs from its logical-id
line to the line before the next resource (or the next top-level section). Comment-only
lines at the end of that range, indented no deeper than the logical id, are left out: they
introduce the next resource ("# --- storage"), they do not describe this one.

The loader only exposes the comments; what they mean is decided by later stages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from golive.loaders.locations import LineIndex
from golive.model import Comment


def comment_spans(
    text: str, index: LineIndex, resources: Mapping[Any, Any]
) -> dict[int, tuple[Comment, ...]]:
    """Comments of each resource of ``resources``, keyed by its logical-id line.

    Keys are lines rather than ids so that resources generated from a SAM resource or an
    ``Fn::ForEach`` loop, which are located on the line of what they came from, find the
    comments written there.
    """
    lines = text.splitlines()
    starts = sorted(
        {
            line
            for key in resources
            if (line := index.lines.get(("Resources", key))) is not None and line >= 1
        }
    )
    if not starts:
        return {}
    section = index.lines.get(("Resources",)) or 0
    later_sections = [
        line
        for path, line in index.lines.items()
        if len(path) == 1 and line > section and line > starts[0]
    ]
    end_of_resources = min(later_sections, default=len(lines) + 1) - 1
    spans: dict[int, tuple[Comment, ...]] = {}
    for position, start in enumerate(starts):
        end = starts[position + 1] - 1 if position + 1 < len(starts) else end_of_resources
        end = _trim_trailing(lines, start, max(end, start))
        found = []
        for number in range(start, min(end, len(lines)) + 1):
            comment = comment_of(lines[number - 1])
            if comment is not None:
                found.append(Comment(number, comment))
        if found:
            spans[start] = tuple(found)
    return spans


def _trim_trailing(lines: list[str], start: int, end: int) -> int:
    """Drop trailing blank lines and comment-only lines at or left of the logical id."""
    key_line = lines[start - 1] if start - 1 < len(lines) else ""
    key_indent = len(key_line) - len(key_line.lstrip())
    while end > start and end - 1 < len(lines):
        line = lines[end - 1]
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if stripped and not (stripped.startswith("#") and indent <= key_indent):
            break
        end -= 1
    return end


def comment_of(line: str) -> str | None:
    """The text after a line's comment marker: a ``#`` at the start or after whitespace.

    Quoted scalars are not tracked: a ``" #"`` inside a quoted string on a resource's line is
    read as a comment, which only matters if what follows looks like a directive.
    """
    position = line.find("#")
    while position != -1:
        if position == 0 or line[position - 1] in " \t":
            return line[position + 1 :].strip()
        position = line.find("#", position + 1)
    return None
