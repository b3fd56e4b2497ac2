"""Path patterns of the settings file (``infra/dev/**``), matched against scanned files.

Patterns are relative to the folder of the settings file and use ``/`` on every system:
``*`` and ``?`` stay within one folder name, ``**`` spans any number of folders, a pattern
that names a folder covers everything below it, and a pattern without a ``/`` matches a
name at any depth, as in ``.gitignore``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path


def relative_path(file: str, root: str | None) -> str | None:
    """``file`` relative to ``root`` (the working directory when None), ``/``-separated.

    None when the file lies outside ``root``: no pattern of that settings file covers it.
    """
    base = Path(root) if root is not None else Path.cwd()
    try:
        return Path(file).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return None


def matches(pattern: str, path: str) -> bool:
    """Whether the relative ``path`` matches ``pattern``."""
    return _compile(pattern).fullmatch(path) is not None


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    text = pattern.strip()
    while text.startswith("./"):
        text = text[2:]
    anywhere = "/" not in text.rstrip("/")
    parts = text.strip("/").split("/")
    regex = "(?:.*/)?" if anywhere else ""
    for position, part in enumerate(parts):
        last = position == len(parts) - 1
        if part == "**":
            regex += ".*" if last else "(?:.*/)?"
        else:
            regex += _segment(part) + ("" if last else "/")
    return re.compile(regex + "(?:/.*)?")


def _segment(part: str) -> str:
    out = []
    position = 0
    while position < len(part):
        char = part[position]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and "]" in part[position + 1 :]:
            close = part.index("]", position + 1)
            body = part[position + 1 : close].replace("\\", "\\\\")
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append(f"[{body}]")
            position = close
        else:
            out.append(re.escape(char))
        position += 1
    return "".join(out)


def is_valid(pattern: str) -> bool:
    """A pattern is usable when it is relative and not empty."""
    text = pattern.strip()
    return bool(text) and not text.startswith("/") and not re.match(r"^[A-Za-z]:[\\/]", text)
