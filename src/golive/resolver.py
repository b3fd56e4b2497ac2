"""Intrinsic-function resolution: what a property will be once CloudFormation deploys it.

``Resolver.resolve`` turns a raw property value into plain data, with the markers of
``golive.values`` (``Unknown``, ``Reference``, ``Text``, ``ABSENT``) where a value is not
known before deployment. Conditions decided by ``assumptions`` let the engine evaluate a
resource once per branch of a condition it cannot decide (see ``golive.engine``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from golive.model import Stack
from golive.values import (
    ABSENT,
    GETAZS_LENGTH,
    PSEUDO_PARAMETERS,
    Reference,
    Text,
    Unknown,
    Zone,
    first_unknown_value,
    is_intrinsic,
    is_known,
)

_SUB_VARIABLE = re.compile(r"\$\{([^}]*)\}")


class Resolver:
    """Resolves intrinsic functions of one stack under given parameter values.

    ``parameters`` are the values the user gave (``--parameter``), overriding defaults;
    pseudo-parameters (``AWS::Region``) are known only when given there too.
    """

    def __init__(
        self,
        stack: Stack,
        parameters: Mapping[str, Any] | None = None,
        assumptions: Mapping[str, bool] | None = None,
    ) -> None:
        self.stack = stack
        self.parameters = dict(parameters or {})
        self.assumptions = dict(assumptions or {})
        self._conditions: dict[str, bool | Unknown] = {}
        self._evaluating: set[str] = set()

    def with_assumptions(self, assumptions: Mapping[str, bool]) -> Resolver:
        """A resolver for the same stack that takes the given conditions as decided."""
        return Resolver(self.stack, self.parameters, {**self.assumptions, **assumptions})

    # -- values ---------------------------------------------------------------------------

    def resolve(self, node: Any) -> Any:
        """Resolve every intrinsic in ``node``; see the module docstring for the result."""
        if isinstance(node, dict):
            if is_intrinsic(node):
                ((key, arg),) = node.items()
                return self._intrinsic(key, arg)
            result = {}
            for key, value in node.items():
                resolved = self.resolve(value)
                if resolved is not ABSENT:
                    result[key] = resolved
            return result
        if isinstance(node, list):
            items = (self.resolve(item) for item in node)
            return [item for item in items if item is not ABSENT]
        return node

    def parameter(self, name: str) -> Any:
        """The value of a parameter or pseudo-parameter, or ``Unknown``."""
        if name in self.parameters:
            return self._typed(name, self.parameters[name])
        if name == "AWS::NoValue":
            return ABSENT
        if name in PSEUDO_PARAMETERS:
            return Unknown(
                f"{name} is known only at deployment; give it with --parameter {name}=VALUE"
            )
        definition = self.stack.parameters.get(name)
        if not isinstance(definition, dict):
            return Unknown(f"{name} is not a parameter or resource of this template")
        kind = str(definition.get("Type", ""))
        if kind.startswith("AWS::SSM::Parameter::Value"):
            return Unknown(
                f"parameter {name} is read from SSM Parameter Store at deployment; "
                f"give its value with --parameter {name}=VALUE"
            )
        if "Default" not in definition:
            return Unknown(
                f"parameter {name} has no default; give its value with --parameter {name}=VALUE"
            )
        return self._typed(name, definition["Default"])

    def _typed(self, name: str, value: Any) -> Any:
        kind = str((self.stack.parameters.get(name) or {}).get("Type", ""))
        is_list = kind == "CommaDelimitedList" or kind.startswith("List<")
        if is_list and isinstance(value, str):
            return [part.strip() for part in value.split(",")] if value else []
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value) if kind == "String" else value
        return value

    def _intrinsic(self, key: str, arg: Any) -> Any:
        handler = _HANDLERS.get(key)
        if handler is None:
            return Unknown(f"{key} is not an intrinsic function golive knows")
        return handler(self, arg)

    def _ref(self, arg: Any) -> Any:
        if not isinstance(arg, str):
            return Unknown("Ref to a computed name")
        if arg in self.stack.resources:
            return Reference(arg)
        return self.parameter(arg)

    def _get_att(self, arg: Any) -> Any:
        if isinstance(arg, str):
            arg = arg.split(".", 1)
        if not (isinstance(arg, list) and len(arg) == 2):
            return Unknown("malformed Fn::GetAtt")
        logical_id, attribute = arg[0], self.resolve(arg[1])
        if not isinstance(logical_id, str) or not isinstance(attribute, str):
            return Unknown("Fn::GetAtt with a computed name")
        if logical_id not in self.stack.resources:
            return Unknown(f"Fn::GetAtt to {logical_id}, which is not a resource of this template")
        return Reference(logical_id, attribute)

    def _sub(self, arg: Any) -> Any:
        variables: Mapping[str, Any] = {}
        if isinstance(arg, list) and len(arg) == 2 and isinstance(arg[1], dict):
            arg, variables = arg
        if not isinstance(arg, str):
            return Unknown("malformed Fn::Sub")
        parts: list[str | Reference | Unknown] = []
        position = 0
        for match in _SUB_VARIABLE.finditer(arg):
            parts.append(arg[position : match.start()])
            position = match.end()
            name = match.group(1)
            if name.startswith("!"):
                parts.append("${" + name[1:] + "}")
                continue
            if name in variables:
                value = self.resolve(variables[name])
            elif "." in name and name.split(".", 1)[0] in self.stack.resources:
                value = self._get_att(name)
            else:
                value = self._ref(name)
            parts.extend(_text_parts(value))
        parts.append(arg[position:])
        return _join_parts(parts)

    def _join(self, arg: Any) -> Any:
        if not (isinstance(arg, list) and len(arg) == 2):
            return Unknown("malformed Fn::Join")
        delimiter, items = self.resolve(arg[0]), self.resolve(arg[1])
        if not isinstance(delimiter, str):
            return Unknown("Fn::Join with a computed delimiter")
        if not isinstance(items, list):
            return items if isinstance(items, Unknown) else Unknown("Fn::Join of a non-list")
        parts: list[str | Reference | Unknown] = []
        for i, item in enumerate(items):
            if i:
                parts.append(delimiter)
            parts.extend(_text_parts(item))
        return _join_parts(parts)

    def _select(self, arg: Any) -> Any:
        if not (isinstance(arg, list) and len(arg) == 2):
            return Unknown("malformed Fn::Select")
        index, items = self.resolve(arg[0]), self.resolve(arg[1])
        if isinstance(items, Unknown):
            return items
        try:
            position = int(index)
        except (TypeError, ValueError):
            return Unknown("Fn::Select with an index known only at deployment")
        if not isinstance(items, list) or not 0 <= position < len(items):
            return Unknown("Fn::Select outside its list")
        return items[position]

    def _split(self, arg: Any) -> Any:
        if not (isinstance(arg, list) and len(arg) == 2):
            return Unknown("malformed Fn::Split")
        delimiter, text = self.resolve(arg[0]), self.resolve(arg[1])
        if isinstance(delimiter, str) and isinstance(text, str):
            return text.split(delimiter)
        return first_unknown_value(text) or Unknown("Fn::Split of a value known only at deployment")

    def _find_in_map(self, arg: Any) -> Any:
        if not (isinstance(arg, list) and len(arg) in (3, 4)):
            return Unknown("malformed Fn::FindInMap")
        keys = [self.resolve(k) for k in arg[:3]]
        default = (
            arg[3].get("DefaultValue", ABSENT)
            if len(arg) == 4 and isinstance(arg[3], dict)
            else ABSENT
        )
        for key in keys:
            if not isinstance(key, (str, int)):
                return (
                    key
                    if isinstance(key, Unknown)
                    else Unknown("Fn::FindInMap with a computed key")
                )
        top = self.stack.mappings.get(str(keys[0]))
        second = top.get(str(keys[1])) if isinstance(top, dict) else None
        if isinstance(second, dict) and str(keys[2]) in second:
            return self.resolve(second[str(keys[2])])
        if default is not ABSENT:
            return self.resolve(default)
        return Unknown(f"mapping {keys[0]} has no entry {keys[1]}/{keys[2]}")

    def _if(self, arg: Any) -> Any:
        if not (isinstance(arg, list) and len(arg) == 3 and isinstance(arg[0], str)):
            return Unknown("malformed Fn::If")
        decided = self.condition(arg[0])
        if isinstance(decided, Unknown):
            return decided
        return self.resolve(arg[1] if decided else arg[2])

    def _equals(self, arg: Any) -> Any:
        if not (isinstance(arg, list) and len(arg) == 2):
            return Unknown("malformed Fn::Equals")
        left, right = self.resolve(arg[0]), self.resolve(arg[1])
        for side in (left, right):
            if not is_known(side) or isinstance(side, Reference):
                return first_unknown_value(side) or Unknown(
                    "compares a value known only at deployment"
                )
        if isinstance(left, Zone) and isinstance(right, Zone):
            return left == right
        if isinstance(left, Zone) or isinstance(right, Zone):
            return Unknown("compares an availability zone whose name is known at deployment")
        return _comparable(left) == _comparable(right)

    def _logical(self, operator: str, arg: Any) -> Any:
        items = arg if isinstance(arg, list) else [arg]
        values = [self._truth(item) for item in items]
        known = [v for v in values if not isinstance(v, Unknown)]
        if operator == "Fn::Not":
            return (not known[0]) if known and len(values) == 1 else values[0]
        if operator == "Fn::And":
            if any(v is False for v in known):
                return False
        elif any(v is True for v in known):
            return True
        unknown = next((v for v in values if isinstance(v, Unknown)), None)
        if unknown is not None:
            return unknown
        return operator == "Fn::And"

    def _truth(self, node: Any) -> bool | Unknown:
        if isinstance(node, dict) and set(node) == {"Condition"}:
            return self.condition(node["Condition"])
        value = self.resolve(node)
        if isinstance(value, bool):
            return value
        if isinstance(value, Unknown):
            return value
        return Unknown("a condition that is not true or false")

    def _passthrough(self, arg: Any) -> Any:
        return self.resolve(arg)

    def _to_json(self, arg: Any) -> Any:
        value = self.resolve(arg)
        if is_known(value) and not _contains_reference(value):
            return json.dumps(value, separators=(",", ":"))
        return first_unknown_value(value) or Unknown("JSON of values known only at deployment")

    def _length(self, arg: Any) -> Any:
        value = self.resolve(arg)
        if isinstance(value, list) and any(isinstance(v, Zone) for v in value):
            return Unknown("the number of availability zones is known at deployment")
        return len(value) if isinstance(value, list) else Unknown("length of a computed list")

    def _get_azs(self, arg: Any) -> Any:
        # NOTE: Fn::GetAZs lists the zones of the region (its argument is "" or the stack's
        # own region in practice) in a fixed order: golive does not know their names, but
        # different positions are different zones, which is all zone checks need.
        return [Zone(i) for i in range(GETAZS_LENGTH)]

    # -- conditions -----------------------------------------------------------------------

    def condition(self, name: str) -> bool | Unknown:
        """Evaluate a named condition: True, False or Unknown (why)."""
        if name in self.assumptions:
            return self.assumptions[name]
        if name in self._conditions:
            return self._conditions[name]
        if name in self._evaluating:
            return Unknown(f"condition {name} refers to itself")
        definition = self.stack.conditions.get(name)
        if definition is None:
            return Unknown(f"condition {name} is not defined")
        self._evaluating.add(name)
        try:
            value = self._truth(definition)
        finally:
            self._evaluating.discard(name)
        if isinstance(value, Unknown):
            value = Unknown(f"condition {name} depends on a value not known: {value.reason}")
        self._conditions[name] = value
        return value


def _contains_reference(value: Any) -> bool:
    """Whether ``value`` holds a part known only after deployment (a resource, a zone)."""
    if isinstance(value, (Reference, Zone)):
        return True
    if isinstance(value, dict):
        return any(_contains_reference(v) for v in value.values())
    if isinstance(value, list):
        return any(_contains_reference(v) for v in value)
    return False


def _comparable(value: Any) -> Any:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return str(value)
    return value


def _text_parts(value: Any) -> list[str | Reference | Unknown]:
    if isinstance(value, Text):
        return list(value.parts)
    if isinstance(value, (Reference, Unknown)):
        return [value]
    if isinstance(value, Zone):
        return [Unknown("an availability zone whose name is known only at deployment")]
    if isinstance(value, bool):
        return [str(value).lower()]
    if isinstance(value, (str, int, float)):
        return [str(value)]
    if value is ABSENT:
        return [""]
    return [Unknown("a list or mapping used as text")]


def _join_parts(parts: list[str | Reference | Unknown]) -> str | Text:
    merged: list[str | Reference | Unknown] = []
    for part in parts:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        elif part != "":
            merged.append(part)
    if all(isinstance(p, str) for p in merged):
        return "".join(p for p in merged if isinstance(p, str))
    return Text(tuple(merged))


_HANDLERS: dict[str, Any] = {
    "Ref": Resolver._ref,
    "Fn::GetAtt": Resolver._get_att,
    "Fn::Sub": Resolver._sub,
    "Fn::Join": Resolver._join,
    "Fn::Select": Resolver._select,
    "Fn::Split": Resolver._split,
    "Fn::FindInMap": Resolver._find_in_map,
    "Fn::If": Resolver._if,
    "Fn::Equals": Resolver._equals,
    "Fn::And": lambda r, a: r._logical("Fn::And", a),
    "Fn::Or": lambda r, a: r._logical("Fn::Or", a),
    "Fn::Not": lambda r, a: r._logical("Fn::Not", a),
    "Fn::Base64": Resolver._passthrough,
    "Fn::ToJsonString": Resolver._to_json,
    "Fn::Length": Resolver._length,
    "Fn::GetAZs": Resolver._get_azs,
    "Fn::ImportValue": lambda r, a: Unknown("imported from another stack's exports"),
    "Fn::Cidr": lambda r, a: Unknown("address blocks computed at deployment"),
    "Fn::Transform": lambda r, a: Unknown("produced by a macro at deployment"),
    "Fn::GetStackOutput": lambda r, a: Unknown("read from another stack's outputs"),
}
