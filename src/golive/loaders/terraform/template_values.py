"""Helpers over evaluated Terraform values: traversal steps and string templates."""

from __future__ import annotations

import re
from typing import Any

from golive.values import Reference, Text, Unknown

#: A traversal step: ("attr", name), ("index", key) or ("splat", None).
Step = tuple[str, Any]

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)")


def apply_steps(value: Any, steps: list[Step]) -> Any:
    """Follow attribute, index and splat steps into a known value."""
    for position, (kind, key) in enumerate(steps):
        if isinstance(value, Unknown):
            return value
        if isinstance(value, Reference):
            return value  # an attribute of a resource attribute: the same unknown-until-apply
        if kind == "splat":
            rest = steps[position + 1 :]
            items = value if isinstance(value, list) else [] if value is None else [value]
            return [apply_steps(item, rest) for item in items]
        if isinstance(key, (Unknown, Text, Reference)):
            return unknown_from(key, "an index")
        if isinstance(value, dict):
            if str(key) not in value:
                return Unknown(f"no key {key!r} in the value")
            value = value[str(key)]
        elif (
            isinstance(value, list) and isinstance(key, (int, float)) and not isinstance(key, bool)
        ):
            if not 0 <= int(key) < len(value):
                return Unknown(f"index {key} is outside the list")
            value = value[int(key)]
        else:
            return Unknown(f"cannot take {key!r} of this value")
    return value


def iteration_pairs(collection: Any) -> list[tuple[Any, Any]] | None:
    """The (key, value) pairs a ``for`` expression or ``dynamic`` block iterates: a map's
    items, a list's (index, item); None for anything else (a value not known before apply)."""
    if isinstance(collection, dict):
        return list(collection.items())
    if isinstance(collection, list):
        return list(enumerate(collection))
    return None


def join_parts(parts: list[Any]) -> Any:
    """Template parts into a string, or a ``Text`` when some part is not known."""
    flat: list[Any] = []
    for part in parts:
        if isinstance(part, Text):
            flat.extend(part.parts)
        elif isinstance(part, bool):
            flat.append("true" if part else "false")
        elif isinstance(part, (int, float)):
            flat.append(str(part))
        elif part is None:
            flat.append("")
        elif isinstance(part, (str, Reference, Unknown)):
            flat.append(part)
        else:
            return Unknown("a collection inside a string template")
    merged: list[Any] = []
    for part in flat:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        elif part != "":
            merged.append(part)
    if all(isinstance(p, str) for p in merged):
        return "".join(merged)
    if len(merged) == 1:
        return merged[0]
    return Text(tuple(merged))


def is_plain(value: Any) -> bool:
    """Plain data: nothing in it is ``Unknown``, ``Text`` or a ``Reference``.

    Stricter than ``golive.values.is_known``, for which a reference is known (its target
    is): Terraform cannot compute with a value that exists only after apply.
    """
    if isinstance(value, (Unknown, Text, Reference)):
        return False
    if isinstance(value, dict):
        return all(is_plain(v) for v in value.values())
    if isinstance(value, list):
        return all(is_plain(v) for v in value)
    return True


def unknown_from(value: Any, what: str = "a value", wanted: str = "a usable value") -> Unknown:
    """Why ``value`` cannot be used where ``what`` needs ``wanted``, as an ``Unknown``.

    The reason is that of the first part of ``value`` that is not plain data.
    """
    if isinstance(value, Unknown):
        return value
    if isinstance(value, Text):
        return Unknown(value.reason)
    if isinstance(value, Reference):
        return Unknown(f"{what} depends on {value.logical_id}, known only after apply")
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for item in items:
        if not is_plain(item):
            return unknown_from(item, what, wanted)
    return Unknown(f"{what} is not {wanted}")


def unescape(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] in "uU" and len(code) > 1:
            return chr(int(code[1:], 16))
        return _ESCAPES.get(code, "\\" + code)

    return _ESCAPE.sub(replace, text) if "\\" in text else text


def dedent(text: str) -> str:
    lines = text.split("\n")
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines)


def closing_brace(text: str, start: int) -> int:
    depth, position, quoted = 1, start, False
    while position < len(text):
        char = text[position]
        if quoted:
            if char == "\\":
                position += 1
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return position
        position += 1
    return -1
