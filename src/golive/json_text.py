"""JSON text with interpolations in it, parsed around them.

A policy written with ``Fn::Sub``, or a Terraform heredoc with ``${...}`` in it, is JSON
text with holes: parts not known before deployment. ``json_source`` puts a placeholder
where each hole is, so the text parses; ``json_filled`` puts each hole back, after
parsing, as the reference or unknown it is, inside the value it was written in.
"""

from __future__ import annotations

import json
from typing import Any

from golive.values import Reference, Text, Unknown

#: Stand-ins for the parts of a ``Text`` while its JSON is parsed (private-use characters,
#: which JSON strings may hold and templates do not).
_OPEN, _CLOSE = "\ue000", "\ue001"


def json_source(text: Text, *, bare: bool = False) -> tuple[str, list[Any]]:
    """The JSON source of a heredoc with a placeholder for each interpolation, and the
    interpolations (for ``json_filled``).

    An interpolation inside a JSON string is a placeholder inside that string. One outside
    any string (``"memory": ${var.memory}``) stays bare, which is not JSON, unless ``bare``:
    then it is a string of its own, standing for the whole value.
    """
    chunks: list[str] = []
    holes: list[Any] = []
    inside = False
    for part in text.parts:
        if isinstance(part, str):
            if bare:
                inside = _inside_string(part, inside)
            chunks.append(part)
            continue
        placeholder = f"{_OPEN}{len(holes)}{_CLOSE}"
        holes.append(part)
        chunks.append(json.dumps(placeholder) if bare and not inside else placeholder)
    return "".join(chunks), holes


def _inside_string(text: str, inside: bool) -> bool:
    """Whether JSON text that starts ``inside`` a string literal ends inside one."""
    escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif inside and char == "\\":
            escaped = True
        elif char == '"':
            inside = not inside
    return inside


def json_filled(node: Any, holes: list[Any]) -> Any:
    """Parsed ``json_source`` with its interpolations back where their placeholders are."""
    if isinstance(node, dict):
        return {key: json_filled(value, holes) for key, value in node.items()}
    if isinstance(node, list):
        return [json_filled(item, holes) for item in node]
    if not isinstance(node, str) or _OPEN not in node:
        return node
    parts: list[str | Reference | Unknown] = []
    for piece in node.split(_OPEN):
        index, closed, rest = piece.partition(_CLOSE)
        if closed and index.isdigit() and int(index) < len(holes):
            parts.append(holes[int(index)])
            if rest:
                parts.append(rest)
        elif piece:
            parts.append(piece)
    return parts[0] if len(parts) == 1 and not isinstance(parts[0], str) else Text(tuple(parts))
