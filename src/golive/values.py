"""The values a resolved property can hold, beside plain data.

``golive.resolver.Resolver`` turns raw property values into plain data. Whatever golive
cannot know stays explicit instead of being guessed:

- ``Unknown(reason)``: a parameter without a default, a pseudo-parameter nobody gave, an
  imported value, a condition that depends on one of those;
- ``Reference(logical_id, attribute)``: a ``Ref``/``Fn::GetAtt`` to a resource of the stack,
  whose physical value exists only after deployment but whose target is known;
- ``Text(parts)``: a ``Fn::Sub``/``Fn::Join`` string with such parts inside;
- ``ABSENT``: ``AWS::NoValue``, removed from mappings and lists as CloudFormation does;
- ``Zone(index)``: an availability zone from ``Fn::GetAZs``, known only by its position in
  the region's list: two zones are the same exactly when their indexes are, but neither
  can be compared with a zone written by name.

"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Unknown:
    """A value that cannot be known before deployment, and why."""

    reason: str


@dataclass(frozen=True)
class Reference:
    """A ``Ref`` (``attribute`` None) or ``Fn::GetAtt`` to a resource of the same stack."""

    logical_id: str
    attribute: str | None = None


@dataclass(frozen=True)
class Text:
    """A string whose parts are not all known: literals, references and unknowns."""

    parts: tuple[str | Reference | Unknown, ...]

    def literal(self, placeholder: str = "\x00") -> str:
        """The known parts with ``placeholder`` where a part is not known."""
        return "".join(p if isinstance(p, str) else placeholder for p in self.parts)

    @property
    def reason(self) -> str:
        for part in self.parts:
            if isinstance(part, Unknown):
                return part.reason
        return "contains values known only after deployment"


@dataclass(frozen=True)
class Zone:
    """The ``index``-th availability zone of the stack's region (``Fn::GetAZs``), unnamed."""

    index: int

    def __str__(self) -> str:
        return f"zone {self.index} of Fn::GetAZs"


#: How many zones ``Fn::GetAZs`` stands for: at least every region's count, so any index a
#: deployable template selects resolves. A region with fewer zones fails such a deployment.
GETAZS_LENGTH = 6


class _Absent:
    """``AWS::NoValue``, or a property that is not set."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __bool__(self) -> bool:
        return False


ABSENT = _Absent()

PSEUDO_PARAMETERS = frozenset(
    {
        "AWS::AccountId",
        "AWS::NotificationARNs",
        "AWS::Partition",
        "AWS::Region",
        "AWS::StackId",
        "AWS::StackName",
        "AWS::URLSuffix",
    }
)


def is_true(value: Any) -> bool:
    """A boolean property that is true: ``true``, or the string "true" in any case.

    CloudFormation accepts both and templates use both (``Enabled: "true"``).
    """
    return value is True or (isinstance(value, str) and value.lower() == "true")


def is_false(value: Any) -> bool:
    """A boolean property that is false: ``false``, or the string "false" in any case.

    Not the negation of ``is_true``: an unset or unreadable value is neither.
    """
    return value is False or (isinstance(value, str) and value.lower() == "false")


def is_intrinsic(node: Any) -> bool:
    """A one-key mapping whose key is ``Ref`` or ``Fn::...``."""
    if isinstance(node, dict) and len(node) == 1:
        (key,) = node
        return key == "Ref" or (isinstance(key, str) and key.startswith("Fn::"))
    return False


def node_at(node: Any, *keys: str | int) -> Any:
    """The raw template node at ``keys`` inside ``node`` (names in mappings, positions in
    lists), None where the path leaves the tree. Intrinsic functions are not resolved."""
    for key in keys:
        if isinstance(node, dict):
            node = node.get(key)
        elif isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
        else:
            return None
    return node


def is_known(value: Any) -> bool:
    """True when nothing in ``value`` is ``Unknown`` or ``Text`` (references are known)."""
    if isinstance(value, (Unknown, Text)):
        return False
    if isinstance(value, dict):
        return all(is_known(v) for v in value.values())
    if isinstance(value, list):
        return all(is_known(v) for v in value)
    return True


def first_unknown(value: Any) -> str | None:
    """The reason of the first unknown part inside ``value``, if any."""
    if isinstance(value, Unknown):
        return value.reason
    if isinstance(value, Text):
        return value.reason
    children: Iterator[Any]
    if isinstance(value, dict):
        children = iter(value.values())
    elif isinstance(value, list):
        children = iter(value)
    else:
        return None
    for child in children:
        reason = first_unknown(child)
        if reason is not None:
            return reason
    return None


def first_unknown_value(value: Any) -> Unknown | None:
    """The first ``Unknown`` inside ``value`` (``Text`` counts through its reason)."""
    reason = first_unknown(value)
    return Unknown(reason) if reason is not None else None
