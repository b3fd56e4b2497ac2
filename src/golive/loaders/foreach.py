"""``Fn::ForEach`` loops of the ``AWS::LanguageExtensions`` transform, expanded.

A loop is ``Fn::ForEach::Name: [Identifier, Collection, {KeyTemplate: Body}]``. Each item of
the collection produces a copy of the body with ``${Identifier}`` and ``&{Identifier}``
replaced in keys and strings and ``{"Ref": Identifier}`` replaced by the item. A collection
golive cannot know (a parameter without a default) leaves the loop unexpanded and reported.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from golive.loaders.locations import LineIndex
from golive.model import InputError

_LOOP = "Fn::ForEach::"
_NON_ALNUM = re.compile(r"[^A-Za-z0-9]")


def expand_foreach(
    data: dict[str, Any], index: LineIndex, file: str, parameters: Mapping[str, Any]
) -> tuple[dict[str, Any], list[InputError]]:
    """Return a copy of ``data`` with loops in Resources and Outputs expanded."""
    problems: list[InputError] = []
    result = dict(data)
    for section in ("Resources", "Outputs", "Conditions"):
        body = data.get(section)
        if isinstance(body, dict):
            result[section] = _expand_mapping(
                body, data, index, file, parameters, problems, (section,)
            )
    # Loops may also sit inside resource properties.
    resources = result.get("Resources")
    if isinstance(resources, dict):
        for logical_id, resource in resources.items():
            if isinstance(resource, dict) and isinstance(resource.get("Properties"), dict):
                path = ("Resources", logical_id, "Properties")
                resource["Properties"] = _expand_mapping(
                    resource["Properties"], data, index, file, parameters, problems, path
                )
    return result, problems


def _expand_mapping(
    mapping: dict[str, Any],
    data: Mapping[str, Any],
    index: LineIndex,
    file: str,
    parameters: Mapping[str, Any],
    problems: list[InputError],
    path: tuple[str, ...],
) -> dict[str, Any]:
    expanded: dict[str, Any] = {}
    for key, value in mapping.items():
        if not (isinstance(key, str) and key.startswith(_LOOP)):
            expanded[key] = value
            continue
        line = index.line_of((*path, key))
        items = _collection(value, data, parameters)
        if items is None:
            problems.append(
                InputError(
                    file,
                    line,
                    f"{key}: the collection is not known before deployment (give the parameter "
                    "a value with --parameter); what the loop creates is not reviewed",
                )
            )
            continue
        identifier, _, template = value
        for item in items:
            for out_key, out_body in template.items():
                body = _substitute(copy.deepcopy(out_body), identifier, item)
                new_key = _substitute_text(out_key, identifier, item)
                if isinstance(body, dict):
                    body = _expand_mapping(body, data, index, file, parameters, problems, path)
                if new_key.startswith(_LOOP):
                    nested = _expand_mapping(
                        {new_key: body}, data, index, file, parameters, problems, path
                    )
                    expanded.update(nested)
                else:
                    expanded[new_key] = body
                    if path == ("Resources",) and line is not None:
                        index.lines.setdefault((*path, new_key), line)
    return expanded


def _collection(
    value: Any, data: Mapping[str, Any], parameters: Mapping[str, Any]
) -> list[str] | None:
    if not (isinstance(value, list) and len(value) == 3 and isinstance(value[2], dict)):
        return None
    collection = value[1]
    if isinstance(collection, list) and all(isinstance(i, (str, int)) for i in collection):
        return [str(i) for i in collection]
    if isinstance(collection, dict) and set(collection) == {"Ref"}:
        name = collection["Ref"]
        given = parameters.get(name)
        if given is None:
            given = ((data.get("Parameters") or {}).get(name) or {}).get("Default")
        if isinstance(given, list):
            return [str(i) for i in given]
        if isinstance(given, str):
            return [part.strip() for part in given.split(",")]
    return None


def _substitute_text(text: str, identifier: str, item: str) -> str:
    return text.replace("${" + identifier + "}", item).replace(
        "&{" + identifier + "}", _NON_ALNUM.sub("", item)
    )


def _substitute(node: Any, identifier: str, item: str) -> Any:
    if isinstance(node, str):
        return _substitute_text(node, identifier, item)
    if isinstance(node, list):
        return [_substitute(v, identifier, item) for v in node]
    if isinstance(node, dict):
        if node == {"Ref": identifier}:
            return item
        return {
            _substitute_text(k, identifier, item) if isinstance(k, str) else k: _substitute(
                v, identifier, item
            )
            for k, v in node.items()
        }
    return node
