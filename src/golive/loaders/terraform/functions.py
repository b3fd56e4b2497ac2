"""Terraform's built-in functions and operators over golive values.

Only pure functions are evaluated; ``timestamp``, ``uuid``, ``templatefile`` and their
like give ``Unknown``, as does any argument that is not known. ``file`` reads a file beside
the module (the scope decides which paths are allowed); nothing is ever executed.
``jsonencode`` returns its argument unchanged: the mappings read policy documents and
container definitions as data whether they were written as ``jsonencode({...})`` or as
JSON text, and a reference inside stays a reference.
"""

from __future__ import annotations

import ipaddress
import json
import math
from collections.abc import Callable
from typing import Any, Protocol

from golive.loaders.terraform.template_values import is_plain, unknown_from
from golive.values import Unknown


class FileReader(Protocol):
    def read_file(self, path: str) -> Any: ...


def operate(operator: str, left: Any, right: Any) -> Any:
    """A binary operator; logical operators short-circuit on a known deciding side."""
    if operator == "&&" and (left is False or right is False):
        return False
    if operator == "||" and (left is True or right is True):
        return True
    if operator in ("==", "!="):
        if not (is_plain(left) and is_plain(right)):
            return unknown_from([left, right])
        equal = _comparable(left) == _comparable(right)
        return equal if operator == "==" else not equal
    if not (is_plain(left) and is_plain(right)):
        return unknown_from([left, right])
    if operator in ("&&", "||"):
        return bool(left) and bool(right) if operator == "&&" else bool(left) or bool(right)
    try:
        a, b = _number(left), _number(right)
    except ValueError:
        return Unknown(f"{operator} of values that are not numbers")
    result: Any = {
        "+": lambda: a + b,
        "-": lambda: a - b,
        "*": lambda: a * b,
        "/": lambda: a / b if b else Unknown("division by zero"),
        "%": lambda: a % b if b else Unknown("division by zero"),
        "<": lambda: a < b,
        ">": lambda: a > b,
        "<=": lambda: a <= b,
        ">=": lambda: a >= b,
    }[operator]()
    if isinstance(result, float) and result.is_integer() and operator != "/":
        return int(result)
    return result


def _number(value: Any) -> float | int:
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    return float(text) if "." in text or "e" in text.lower() else int(text)


def _comparable(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    return value


def call(name: str, args: list[Any], reader: FileReader) -> Any:
    """Apply the function ``name``; Unknown when it is unknown or its inputs are."""
    if name == "try":
        return next((a for a in args if is_plain(a)), args[-1] if args else None)
    if name == "can":
        return True if args and is_plain(args[0]) else unknown_from(args)
    if name == "jsonencode":
        return args[0] if args else None
    if name in ("coalesce",):
        for arg in args:
            if not is_plain(arg):
                return unknown_from([arg])
            if arg not in (None, ""):
                return arg
        return None
    if name == "lookup" and len(args) >= 2 and isinstance(args[0], dict):
        key = args[1]
        if isinstance(key, str):
            if key in args[0]:
                return args[0][key]
            return args[2] if len(args) > 2 else Unknown(f"no key {key!r}")
    if name == "merge" and all(isinstance(a, dict) or a is None for a in args):
        merged: dict[str, Any] = {}
        for arg in args:
            merged.update(arg or {})
        return merged
    if name == "file":
        return (
            reader.read_file(args[0])
            if args and isinstance(args[0], str)
            else Unknown("file() of a computed path")
        )
    function = _PURE.get(name)
    if function is None:
        return Unknown(f"{name}() is not evaluated by golive")
    if not all(is_plain(a) for a in args):
        return unknown_from(args)
    try:
        return function(*args)
    except (TypeError, ValueError, KeyError, IndexError, ZeroDivisionError, AttributeError):
        return Unknown(f"{name}() could not be evaluated with these arguments")


def _tostring(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _tonumber(value: Any) -> Any:
    return value if isinstance(value, (int, float)) else _number(value)


def _tobool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return {"true": True, "false": False}[str(value)]


def _distinct(values: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def _flatten(values: list[Any]) -> list[Any]:
    out: list[Any] = []
    for value in values:
        out.extend(_flatten(value) if isinstance(value, list) else [value])
    return out


def _format(spec: str, *values: Any) -> str:
    out, position, index = [], 0, 0
    while position < len(spec):
        char = spec[position]
        if char == "%" and position + 1 < len(spec):
            verb = spec[position + 1]
            if verb == "%":
                out.append("%")
            else:
                out.append(_tostring(values[index]) if verb in "sdvq" else str(values[index]))
                index += 1
            position += 2
            continue
        out.append(char)
        position += 1
    return "".join(out)


def _cidrsubnet(prefix: str, newbits: int, netnum: int) -> str:
    network = ipaddress.ip_network(prefix, strict=False)
    subnets = network.subnets(prefixlen_diff=int(newbits))
    for position, subnet in enumerate(subnets):
        if position == int(netnum):
            return str(subnet)
    raise ValueError("netnum out of range")


_PURE: dict[str, Callable[..., Any]] = {
    "concat": lambda *lists: [item for items in lists for item in items],
    "length": len,
    "element": lambda values, index: values[int(index) % len(values)],
    "index": lambda values, value: values.index(value),
    "join": lambda separator, values: separator.join(_tostring(v) for v in values),
    "split": lambda separator, text: text.split(separator),
    "lower": lambda text: text.lower(),
    "upper": lambda text: text.upper(),
    "title": lambda text: text.title(),
    "trimspace": lambda text: text.strip(),
    "trim": lambda text, chars: text.strip(chars),
    "trimprefix": lambda text, prefix: text[len(prefix) :] if text.startswith(prefix) else text,
    "trimsuffix": lambda text, suffix: (
        text[: -len(suffix)] if suffix and text.endswith(suffix) else text
    ),
    "replace": lambda text, old, new: text.replace(old, new),
    "substr": lambda text, offset, length: text[int(offset) :][
        : None if length < 0 else int(length)
    ],
    "format": _format,
    "formatlist": lambda spec, *lists: [
        _format(spec, *items) for items in zip(*lists, strict=False)
    ],
    "tostring": _tostring,
    "tonumber": _tonumber,
    "tobool": _tobool,
    "tolist": list,
    "toset": lambda values: _distinct(list(values)),
    "tomap": dict,
    "keys": sorted,
    "values": lambda value: [value[k] for k in sorted(value)],
    "contains": lambda values, value: value in values,
    "distinct": _distinct,
    "compact": lambda values: [v for v in values if v not in (None, "")],
    "flatten": _flatten,
    "reverse": lambda values: list(reversed(values)),
    "sort": sorted,
    "slice": lambda values, start, end: values[int(start) : int(end)],
    "range": lambda *bounds: list(range(*(int(b) for b in bounds))),
    "zipmap": lambda keys, values: dict(zip(keys, values, strict=False)),
    "setunion": lambda *sets: _distinct([item for items in sets for item in items]),
    "setintersection": lambda first, *rest: [i for i in first if all(i in r for r in rest)],
    "setsubtract": lambda a, b: [i for i in a if i not in b],
    "min": lambda *values: min(values),
    "max": lambda *values: max(values),
    "abs": abs,
    "ceil": math.ceil,
    "floor": math.floor,
    "pow": lambda base, exponent: base**exponent,
    "signum": lambda value: (value > 0) - (value < 0),
    "jsondecode": json.loads,
    "startswith": lambda text, prefix: text.startswith(prefix),
    "endswith": lambda text, suffix: text.endswith(suffix),
    "strcontains": lambda text, part: part in text,
    "one": lambda values: values[0] if len(values) == 1 else None if not values else 1 / 0,
    "alltrue": lambda values: all(v is True or v == "true" for v in values),
    "anytrue": lambda values: any(v is True or v == "true" for v in values),
    "cidrsubnet": _cidrsubnet,
    "cidrhost": lambda prefix, host: str(ipaddress.ip_network(prefix, strict=False)[int(host)]),
    "base64encode": lambda text: __import__("base64").b64encode(text.encode()).decode(),
    "chomp": lambda text: text.rstrip("\r\n"),
}
