"""IAM policy documents as typed data: statements, actions with wildcards, principals.

Everything here works on *resolved* values (``golive.resolver``): a document may be a
mapping or a JSON string (CloudFormation accepts both), and parts golive cannot know stay
``Unknown``, ``Text`` or ``Reference``. Questions about a statement answer ``True``,
``False`` or ``None`` (cannot tell), so a check can tell a definite grant from a doubt.

Decisions shared by every check that reads policies:

- only ``Allow`` statements grant anything; ``Deny`` statements never count as grants;
- ``NotAction`` grants every action except those listed, so an ``Allow`` with
  ``NotAction`` grants a whole service unless one of its entries names that service;
- ``NotResource`` applies to every resource except those listed: it counts as ``*``;
- matching is case-insensitive, with ``*`` and ``?`` wildcards, as IAM evaluates them.

Pure functions, no I/O.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from golive.json_text import json_filled, json_source
from golive.values import Reference, Text, Unknown, first_unknown

#: A three-way answer: True, False, or None when it rests on a value golive cannot know.
Maybe = bool | None


@dataclass(frozen=True)
class Statement:
    """One statement of a policy document, its elements as resolved values."""

    label: str
    effect: Any
    action: Any = None
    not_action: Any = None
    resource: Any = None
    not_resource: Any = None
    principal: Any = None
    not_principal: Any = None
    condition: Any = None

    @property
    def allows(self) -> Maybe:
        """True for ``Allow``, False for ``Deny``, None when the effect is not known."""
        if isinstance(self.effect, str):
            return self.effect.lower() == "allow"
        return None

    @property
    def has_condition(self) -> bool:
        """Whether the statement carries a non-empty ``Condition`` block."""
        return bool(self.condition)

    def grants(self, action: str) -> Maybe:
        """Whether this statement allows ``action`` (``service:Name``)."""
        allows = self.allows
        if allows is not True:
            return allows
        if self.not_action is not None:
            listed = _any(self.not_action, lambda p: action_matches(p, action))
            return None if listed is None else not listed
        return _any(self.action, lambda p: action_matches(p, action))

    def grants_all_actions(self) -> Maybe:
        """Whether this statement allows every action (``*``, or a bare ``NotAction``)."""
        allows = self.allows
        if allows is not True:
            return allows
        if self.not_action is not None:
            return None if _values(self.not_action) is None else not _values(self.not_action)
        return _any(self.action, lambda p: p.strip("*") == "" or p.strip() == "*:*")

    def grants_service(self, service: str) -> tuple[Maybe, str]:
        """Whether this statement allows every action of ``service``, and how it is written."""
        allows = self.allows
        if allows is not True:
            return allows, ""
        if self.not_action is not None:
            entries = _values(self.not_action)
            if entries is None:
                return None, ""
            touches = [e for e in entries if isinstance(e, str) and _in_service(e, service)]
            if touches or any(not isinstance(e, str) for e in entries):
                return (False if touches else None), ""
            return True, "NotAction (every action but those listed)"
        entries = _values(self.action)
        if entries is None:
            return None, ""
        doubt = False
        for entry in entries:
            if not isinstance(entry, str):
                doubt = True
            elif covers_service(entry, service):
                return True, entry
        return (None if doubt else False), ""

    def every_resource(self) -> Maybe:
        """Whether the statement applies to every resource (``*`` or ``NotResource``)."""
        if self.not_resource is not None:
            return True
        return _any(self.resource, lambda r: r == "*")

    def unknown_reason(self) -> str | None:
        """Why some element of the statement cannot be known, if one cannot."""
        for element in (self.effect, self.action, self.not_action, self.resource):
            reason = first_unknown(element)
            if reason is not None:
                return reason
        return None


@dataclass(frozen=True)
class Document:
    """A parsed policy document: its statements, in order."""

    statements: tuple[Statement, ...]


def parse_document(value: Any, label: str = "") -> Document | Unknown:
    """Statements of a resolved policy document (mapping or JSON string), or why not."""
    if isinstance(value, Unknown):
        return value
    if isinstance(value, Text):
        value = _parse_json_text(value)
    elif isinstance(value, str):
        value = _parse_json(value)
    if isinstance(value, Unknown):
        return value
    if not isinstance(value, dict):
        return Unknown(f"{label or 'the policy document'} is not a mapping golive can read")
    raw = value.get("Statement")
    if isinstance(raw, Unknown | Text):
        return Unknown(first_unknown(raw) or "statements known only at deployment")
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, dict) else []
    prefix = f"{label} " if label else ""
    statements = []
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            continue
        sid = item.get("Sid")
        name = f"{prefix}statement {index}" + (f" ({sid})" if isinstance(sid, str) and sid else "")
        statements.append(
            Statement(
                label=name,
                effect=item.get("Effect"),
                action=item.get("Action"),
                not_action=item.get("NotAction"),
                resource=item.get("Resource"),
                not_resource=item.get("NotResource"),
                principal=item.get("Principal"),
                not_principal=item.get("NotPrincipal"),
                condition=item.get("Condition"),
            )
        )
    return Document(tuple(statements))


def action_matches(pattern: str, action: str) -> bool:
    """Whether the IAM action ``pattern`` (``s3:Get*``) matches ``action`` (``s3:GetObject``)."""
    return _compiled(pattern).fullmatch(action.lower()) is not None


def covers_service(pattern: str, service: str) -> bool:
    """Whether ``pattern`` matches every action of ``service``: ``*``, ``iam:*``, ``IAM:**``."""
    text = pattern.strip().lower()
    if text.strip("*") == "":
        return True
    prefix, colon, rest = text.partition(":")
    return bool(colon) and rest.strip("*") == "" and action_matches(prefix, service)


def _in_service(pattern: str, service: str) -> bool:
    prefix = pattern.strip().lower().partition(":")[0]
    return prefix.strip("*") == "" or action_matches(prefix, service)


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    escaped = re.escape(pattern.strip().lower()).replace(r"\*", ".*").replace(r"\?", ".")
    return re.compile(escaped)


def _values(element: Any) -> list[Any] | None:
    """A statement element as a list; None when the element itself is not known."""
    if element is None:
        return []
    if isinstance(element, Unknown):
        return None
    return list(element) if isinstance(element, list) else [element]


def _any(element: Any, test: Any) -> Maybe:
    """True if a known string entry passes ``test``; None if only an unknown entry might."""
    entries = _values(element)
    if entries is None:
        return None
    doubt = False
    for entry in entries:
        if isinstance(entry, str):
            if test(entry):
                return True
        elif isinstance(entry, Unknown) or (isinstance(entry, Text) and not entry.literal("")):
            doubt = True
    return None if doubt else False


# -- principals ---------------------------------------------------------------------------


def principal_entries(principal: Any) -> Iterator[tuple[str, Any]]:
    """``(kind, value)`` for each principal: ``("*", "*")``, ``("AWS", "arn:...")``, ..."""
    if principal is None:
        return
    if isinstance(principal, str | Unknown | Text | Reference):
        yield "*", principal
        return
    if isinstance(principal, dict):
        for kind, values in principal.items():
            for value in values if isinstance(values, list) else [values]:
                yield str(kind), value


def is_everyone(kind: str, value: Any) -> Maybe:
    """Whether one principal entry stands for anyone at all (``*`` or an ``AWS`` wildcard)."""
    if kind not in ("*", "AWS", "CanonicalUser"):
        return False
    if isinstance(value, str):
        return value.strip() == "*" or (kind == "AWS" and _account_wildcard(value))
    if isinstance(value, Unknown):
        return None
    if isinstance(value, Text):
        literal = value.literal("")
        return None if not literal else False
    return False


def _account_wildcard(value: str) -> bool:
    """``arn:aws:iam::*:root`` and the like: every account's principals."""
    parts = value.split(":")
    return len(parts) >= 6 and parts[2] == "iam" and "*" in parts[4]


def public_principals(statement: Statement) -> tuple[list[str], list[str]]:
    """Principal entries of ``statement`` that stand for everyone, and entries that might.

    ``NotPrincipal`` in an ``Allow`` statement grants everyone but those listed, so it
    counts as public.
    """
    if statement.not_principal is not None:
        return ["NotPrincipal (everyone but those listed)"], []
    public, doubtful = [], []
    for kind, value in principal_entries(statement.principal):
        answer = is_everyone(kind, value)
        shown = value if isinstance(value, str) else "a value known only at deployment"
        if answer:
            public.append("*" if kind == "*" else f"{kind}: {shown}")
        elif answer is None:
            doubtful.append(f"{kind}: {first_unknown(value) or shown}")
    return public, doubtful


def condition_keys(statement: Statement) -> list[str]:
    """The condition keys a statement tests, for a reader (``aws:PrincipalOrgID``)."""
    keys: list[str] = []
    if isinstance(statement.condition, dict):
        for operator in statement.condition.values():
            if isinstance(operator, dict):
                keys.extend(str(k) for k in operator)
    return sorted(set(keys))


# -- JSON strings -----------------------------------------------------------------------------


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return Unknown("the policy document is a string that is not valid JSON")


def _parse_json_text(text: Text) -> Any:
    """A ``Fn::Sub`` JSON document: parsed around its unknown parts, which come back as values."""
    source, holes = json_source(text)
    try:
        data = json.loads(source, strict=False)
    except ValueError:
        return Unknown(text.reason)
    return json_filled(data, holes)
