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
from dataclasses import dataclass, field
from typing import Any

from golive.loaders.locations import LineIndex
from golive.model import InputError

_LOOP = "Fn::ForEach::"
_NON_ALNUM = re.compile(r"[^A-Za-z0-9]")


#: At most this many values are created by all the loops of one template together. The
#: processed template must fit CloudFormation's limits (500 resources, 1 MB), so this only
#: stops loops nested over long lists from multiplying into millions of copies.
MAX_EXPANDED_VALUES = 100_000


def expand_foreach(
    data: dict[str, Any], index: LineIndex, file: str, parameters: Mapping[str, Any]
) -> tuple[dict[str, Any], list[InputError]]:
    """Return a copy of ``data`` with loops in Resources and Outputs expanded."""
    expander = _Expander(data, index, file, parameters)
    result = dict(data)
    for section in ("Resources", "Outputs", "Conditions"):
        body = data.get(section)
        if isinstance(body, dict):
            result[section] = expander.expand(body, (section,))
    # Loops may also sit inside resource properties.
    resources = result.get("Resources")
    if isinstance(resources, dict):
        for logical_id, resource in resources.items():
            if isinstance(resource, dict) and isinstance(resource.get("Properties"), dict):
                path = ("Resources", logical_id, "Properties")
                resource["Properties"] = expander.expand(resource["Properties"], path)
    # A loop inside a looped resource is met once per copy; report it once.
    return result, list(dict.fromkeys(expander.problems))


@dataclass
class _Expander:
    """Expands the loops of one template, within ``MAX_EXPANDED_VALUES``."""

    data: Mapping[str, Any]
    index: LineIndex
    file: str
    parameters: Mapping[str, Any]
    problems: list[InputError] = field(default_factory=list)
    created: int = 0
    exhausted: bool = False

    def expand(self, mapping: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
        expanded: dict[str, Any] = {}
        for key, value in mapping.items():
            if not (isinstance(key, str) and key.startswith(_LOOP)):
                expanded[key] = value
                continue
            line = self.index.line_of((*path, key))
            if not (
                isinstance(value, list)
                and len(value) == 3
                and isinstance(value[0], str)
                and isinstance(value[2], dict)
            ):
                self._problem(
                    line,
                    f"{key} must be [Identifier, Collection, {{OutputKey: Body}}]; "
                    "the loop is not expanded and what it creates is not reviewed",
                )
                continue
            items = _collection(value, self.data, self.parameters)
            if items is None:
                self._problem(
                    line,
                    f"{key}: the collection is not known before deployment (give the "
                    "parameter a value with --parameter); what the loop creates is not reviewed",
                )
                continue
            identifier, _, template = value
            for item in items:
                for out_key, out_body in template.items():
                    self.created += _size(out_body)
                    if self.created > MAX_EXPANDED_VALUES:
                        if not self.exhausted:  # report once, where the limit was reached
                            self.exhausted = True
                            self._problem(
                                line,
                                f"{key}: the loops of this template create more than "
                                f"{MAX_EXPANDED_VALUES:,} values, far past what CloudFormation "
                                "accepts in one template; the rest is not expanded or reviewed",
                            )
                        return expanded
                    self._add(expanded, out_key, out_body, identifier, item, path, line)
        return expanded

    def _add(
        self,
        expanded: dict[str, Any],
        out_key: str,
        out_body: Any,
        identifier: str,
        item: str,
        path: tuple[str, ...],
        line: int | None,
    ) -> None:
        body = _substitute(copy.deepcopy(out_body), identifier, item)
        new_key = _substitute_text(out_key, identifier, item)
        if isinstance(body, dict):
            body = self.expand(body, path)
        if new_key.startswith(_LOOP):
            expanded.update(self.expand({new_key: body}, path))
        else:
            expanded[new_key] = body
            if path == ("Resources",) and line is not None:
                self.index.lines.setdefault((*path, new_key), line)

    def _problem(self, line: int | None, message: str) -> None:
        self.problems.append(InputError(self.file, line, message))


def _size(node: Any) -> int:
    """The number of values in ``node``, counted without recursion."""
    count = 0
    work = [node]
    while work:
        current = work.pop()
        count += 1
        if isinstance(current, dict):
            work.extend(current.values())
        elif isinstance(current, list):
            work.extend(current)
    return count


def _collection(
    value: Any, data: Mapping[str, Any], parameters: Mapping[str, Any]
) -> list[str] | None:
    collection = value[1]
    if isinstance(collection, list) and all(isinstance(i, (str, int)) for i in collection):
        return [str(i) for i in collection]
    if isinstance(collection, dict) and set(collection) == {"Ref"}:
        name = collection["Ref"]
        if not isinstance(name, str):
            return None
        given = parameters.get(name)
        if given is None:
            declared = data.get("Parameters")
            declared = declared.get(name) if isinstance(declared, dict) else None
            given = declared.get("Default") if isinstance(declared, dict) else None
        if isinstance(given, list) and all(isinstance(i, (str, int)) for i in given):
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
