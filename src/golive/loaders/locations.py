"""Line numbers for paths inside a parsed document, kept beside the data.

The data itself stays plain dicts, lists and scalars; ``LineIndex`` maps a path such as
``("Resources", "Fn", "Properties", "Timeout")`` to the line it was written on. Only the first
few levels are recorded: findings point at resources and their properties, and deeper
bookkeeping would cost time on large templates for no reader.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Hashable
from dataclasses import dataclass, field

#: Paths deeper than this are not recorded; lookups fall back to the nearest ancestor.
MAX_DEPTH = 6

Path = tuple[Hashable, ...]


@dataclass
class LineIndex:
    """Maps document paths to 1-based line numbers."""

    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path) -> int | None:
        """The line of ``path``, or of its nearest recorded ancestor."""
        while True:
            line = self.lines.get(path)
            if line is not None or not path:
                return line
            path = path[:-1]


# A string matched whole (written unrolled: no alternation per character), or punctuation.
# A colon is not a token: the key before it stays pending until "," or "}" anyway, and a
# third of the tokens of a template are colons.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\],]')


class NestingTooDeepError(ValueError):
    """A JSON document nests more levels than the reader allows."""

    def __init__(self, line: int) -> None:
        super().__init__(f"nested too deeply at line {line}")
        self.line = line


@dataclass
class _Frame:
    path: Path
    is_object: bool
    index: int = 0
    key: str | None = None


def index_json(text: str, max_nesting: int | None = None) -> LineIndex:
    """Record the lines of keys and list items in a JSON document already known to be valid.

    A single pass over the structural tokens; strings are matched whole so braces inside
    them do not count. Nesting past ``max_nesting`` raises ``NestingTooDeepError`` (the same pass
    measures it, so later stages that recurse are safe).
    """
    limit = max_nesting if max_nesting is not None else len(text)
    newlines = [m.start() for m in re.finditer("\n", text)]
    index = LineIndex()
    lines = index.lines
    stack: list[_Frame] = []
    path: Path = ()
    expect_item = False
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first == '"':
            frame = stack[-1] if stack else None
            if frame is not None and frame.is_object and frame.key is None:
                frame.key = token[1:-1]
                if len(path) < MAX_DEPTH:
                    line = bisect.bisect_left(newlines, match.start()) + 1
                    lines.setdefault((*path, frame.key), line)
            elif frame is not None and expect_item and len(path) < MAX_DEPTH:
                line = bisect.bisect_left(newlines, match.start()) + 1
                lines.setdefault((*path, frame.index), line)
            expect_item = False
        elif first in "{[":
            child: Path = path
            if stack:
                frame = stack[-1]
                child = (*path, frame.key if frame.is_object else frame.index)
                if not frame.is_object and len(path) < MAX_DEPTH:
                    lines.setdefault(child, bisect.bisect_left(newlines, match.start()) + 1)
            stack.append(_Frame(child, first == "{"))
            if len(stack) > limit:
                raise NestingTooDeepError(bisect.bisect_left(newlines, match.start()) + 1)
            path = child
            expect_item = first == "["
        elif first in "}]":
            stack.pop()
            path = stack[-1].path if stack else ()
            if stack and stack[-1].is_object:
                stack[-1].key = None
            expect_item = False
        elif first == ",":
            frame = stack[-1]
            if frame.is_object:
                frame.key = None
            else:
                frame.index += 1
                expect_item = True
    return index
