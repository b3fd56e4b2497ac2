"""Reading resource policies and resolved values, shared by the S3, SNS, SQS and other checks.

Which policy resource applies to which bucket, topic or queue; which statements open it to
anyone; which deny requests without TLS; and small readers of resolved property values.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable
from typing import Any

from golive.checks.base import Verdict, failed, passed, unknown
from golive.checks.name_index import ValuesOf, named_candidates, property_values
from golive.context import Context, Value
from golive.model import Resource
from golive.values import ABSENT, Reference, Text, Unknown, first_unknown, is_false

# NOTE: the keys S3 itself accepts as making a wildcard-principal statement non-public, with
# fixed values ("The meaning of public", S3 User Guide, Block Public Access).
_LIMITING_KEYS = frozenset(
    k.lower()
    for k in (
        "aws:SourceArn", "aws:SourceAccount", "aws:SourceOwner", "aws:SourceVpc",
        "aws:SourceVpce", "aws:SourceIp", "aws:SourceOrgID", "aws:SourceOrgPaths",
        "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount",
        "aws:PrincipalArn", "aws:userid", "s3:DataAccessPointArn", "s3:DataAccessPointAccount",
    )
)  # fmt: skip
_LIMITING_OPERATORS = frozenset(
    {"stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike", "ipaddress"}
)
_OPEN_VALUES = frozenset({"*", "0.0.0.0/0", "::/0"})
_PLACEHOLDER = re.compile(r"\{[ur][^}]*\}")

# --- reading resolved values -----------------------------------------------------------------


def dig(node: Any, *path: str | int) -> Any:
    """The resolved value at ``path`` inside ``node``: ABSENT if missing, Unknown kept."""
    for key in path:
        if isinstance(node, dict):
            node = node.get(key, ABSENT)
        elif isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
        elif isinstance(node, (Unknown, Text)):
            return node
        else:
            return ABSENT
    return node


def resolved(resource: Resource, ctx: Context, prop: str) -> Any:
    """A top-level property with every intrinsic resolved (unknown parts left in place)."""
    return ctx.resolver.resolve(resource.properties.get(prop, ABSENT))


def named(resource: Resource, ctx: Context, prop: str) -> Value:
    """A property that names something (a key, a log group): known when even part of it is
    literal, as a key ARN built with Fn::Sub names a key even where its region or account is
    open."""
    raw = resolved(resource, ctx, prop)
    if isinstance(raw, Text) and raw.literal(""):
        return Value(raw)
    return ctx.value(resource, prop)


def doubt(value: Any) -> str | None:
    """Why ``value`` is not known, or None when it is (a reference counts as known)."""
    if isinstance(value, (Unknown, Text)):
        return value.reason
    return None


def key_kind(value: Any) -> str:
    """``absent``, ``managed`` (an alias/aws/... key), ``customer`` or ``unknown``."""
    if value is ABSENT or value is None or value == "":
        return "absent"
    literal = value.literal("*") if isinstance(value, Text) else value
    if isinstance(literal, str) and "alias/aws/" in literal:
        return "managed"
    if isinstance(value, Text) and not value.literal(""):
        return "unknown"  # nothing of it is known, e.g. !Sub "${KeyParameter}"
    if isinstance(value, Unknown):
        return "unknown"
    return "customer"


# --- which policy belongs to which resource ---------------------------------------------------


def signature(value: Any) -> str | None:
    """A comparable text for a name: literals kept, unknown parts as stable placeholders."""
    parts = value.parts if isinstance(value, Text) else (value,)
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, Unknown):
            out.append(f"{{u{zlib.crc32(part.reason.encode()):08x}}}")
        elif isinstance(part, Reference):
            out.append(f"{{r{part.logical_id}.{part.attribute}}}")
        else:
            return None
    return "".join(out)


def refers_to(
    value: Any, target: Resource, name: str | None, key: Callable[[Any], str | None]
) -> bool | None:
    """Whether ``value`` names ``target``: True, False, or None when it cannot be told.

    ``name`` is the target's own name as ``key`` reads it, None when CloudFormation
    generates it (then only a reference can name the target).
    """
    refs = value.parts if isinstance(value, Text) else (value,)
    references = [r for r in refs if isinstance(r, Reference)]
    if references:
        return any(r.logical_id == target.logical_id for r in references)
    given = key(value)
    if name is None or (given is None and not isinstance(value, Unknown)):
        return False
    if given == name:
        return True
    # Two names built from the same unknown parts in the same order, with different
    # literal text around them (${App}-logs, ${App}-data), are different names.
    if given is not None and _PLACEHOLDER.findall(given) == _PLACEHOLDER.findall(name):
        return False
    return None


def candidates(
    target: Resource,
    ctx: Context,
    name: str | None,
    types: tuple[str, ...],
    values_of: ValuesOf,
    key: Callable[[Any], str | None],
) -> list[Resource]:
    """Resources of ``types`` whose ``values_of`` may name ``target``.

    A target whose name CloudFormation generates can be named only by a reference, so its
    referrers suffice; a named one also by its name, found through ``name_index``. Both keep
    the work linear in the size of the stack.
    """
    if name is None:
        return ctx.referrers(target, *types)
    return named_candidates(target, ctx, name, types, values_of, key)


def attached(
    target: Resource,
    ctx: Context,
    kind: str,
    prop: str,
    name: str | None,
    key: Callable[[Any], str | None],
) -> tuple[list[Resource], str | None]:
    """Resources of ``kind`` whose ``prop`` (a value or list) names ``target``, and a doubt."""
    found: list[Resource] = []
    reason = None
    for other in candidates(target, ctx, name, (kind,), property_values(prop), key):
        deployed = ctx.resolver.condition(other.condition) if other.condition else True
        if deployed is False:
            continue
        raw = resolved(other, ctx, prop)
        answers = [
            refers_to(v, target, name, key) for v in (raw if isinstance(raw, list) else [raw])
        ]
        if True in answers and (deployed is True or other.condition == target.condition):
            found.append(other)
        elif True in answers:
            reason = reason or (
                f"{other.logical_id} exists only under condition {other.condition}, "
                "which golive cannot decide"
            )
        elif None in answers:
            reason = reason or f"{other.logical_id} applies to a resource named only at deployment"
    return found, reason


def policies_of(
    target: Resource,
    ctx: Context,
    name_prop: str,
    key: Callable[[Any], str | None],
    *kinds: tuple[str, str],
) -> tuple[list[Resource], str | None]:
    """Policies of ``kinds`` (type, property naming the target) that apply to ``target``, and
    why others might; ``name_prop`` holds the target's own name, as ``key`` reads it."""
    name = resolved(target, ctx, name_prop)
    own = None if name is ABSENT else key(name)
    found: list[Resource] = []
    reason = None
    for kind, prop in kinds:
        more, doubt_reason = attached(target, ctx, kind, prop, own, key)
        found += more
        reason = reason or doubt_reason
    return found, reason


# --- reading policy statements -----------------------------------------------------------------


def statements(policy: Resource, ctx: Context) -> list[dict[str, Any]] | str:
    """The statements of ``policy``'s PolicyDocument, or why they are not known."""
    document = resolved(policy, ctx, "PolicyDocument")
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except ValueError:
            return f"the policy document of {policy.logical_id} is not JSON"
    reason = doubt(document) or doubt(dig(document, "Statement"))
    if reason:
        return f"the policy document of {policy.logical_id} is not known: {reason}"
    found = dig(document, "Statement")
    items = found if isinstance(found, list) else [found]
    return [s for s in items if isinstance(s, dict)]


def listed(value: Any) -> list[Any]:
    """A value that may be a single item or a list, as a list."""
    return value if isinstance(value, list) else [value]


def _anyone(principal: Any) -> bool:
    if principal == "*":
        return True
    return isinstance(principal, dict) and "*" in listed(principal.get("AWS"))


def actions(statement: dict[str, Any]) -> list[str]:
    """The literal actions of a statement."""
    return [a for a in listed(statement.get("Action")) if isinstance(a, str)]


def _limits_callers(condition: Any) -> bool | None:
    """Whether a Condition ties the statement to known callers (None: cannot tell)."""
    if not isinstance(condition, dict):
        return None if isinstance(condition, (Unknown, Text)) else False
    for operator, tests in condition.items():
        op = operator.lower().removeprefix("forallvalues:").removeprefix("foranyvalue:")
        if op not in _LIMITING_OPERATORS or not isinstance(tests, dict):
            continue
        for name, value in tests.items():
            values = listed(value)
            if name.lower() in _LIMITING_KEYS and not _OPEN_VALUES.intersection(
                v for v in values if isinstance(v, str)
            ):
                return True
    return None if first_unknown(condition) else False


def is_public(statement: dict[str, Any]) -> bool | None:
    """An Allow open to anyone (``*`` or NotPrincipal) with no condition limiting who."""
    effect, principal = statement.get("Effect"), statement.get("Principal")
    if doubt(effect):
        return None
    if effect != "Allow":
        return False
    if not (_anyone(principal) or "NotPrincipal" in statement):
        return None if first_unknown(principal) else False
    limited = _limits_callers(statement.get("Condition"))
    return None if limited is None else not limited


def statement_doubt(statement: dict[str, Any]) -> str:
    """Why a statement's effect, principal or condition is not known."""
    parts = [statement.get(k) for k in ("Effect", "Principal", "NotPrincipal", "Condition")]
    return first_unknown(parts) or "it holds values known only at deployment"


def denies_plain_http(statement: dict[str, Any]) -> list[str] | None:
    """The actions a Deny on ``aws:SecureTransport`` false covers, or None if not one."""
    if statement.get("Effect") != "Deny" or not _anyone(statement.get("Principal")):
        return None
    condition = statement.get("Condition")
    for operator, tests in condition.items() if isinstance(condition, dict) else ():
        if not operator.lower().startswith("bool") or not isinstance(tests, dict):
            continue
        for name, value in tests.items():
            if name.lower() == "aws:securetransport" and any(is_false(v) for v in listed(value)):
                return actions(statement)
    return None


def covers_all(found: list[str], service: str) -> bool:
    """Whether ``found`` names every action of ``service`` (``*`` or ``service:*``)."""
    return any(a == "*" or a.lower() == f"{service}:*" for a in found)


# --- SNS topics --------------------------------------------------------------------------------


def open_grant(policies: list[Resource], ctx: Context, noun: str) -> tuple[str | None, str | None]:
    """(the first statement open to anyone with no limiting condition, described; doubt)."""
    doubt_reason = None
    for policy in policies:
        found = statements(policy, ctx)
        if isinstance(found, str):
            doubt_reason = doubt_reason or found
            continue
        for statement in found:
            public = is_public(statement)
            if public:
                what = ", ".join(actions(statement)) or "its actions"
                return (
                    f"{noun} policy {policy.logical_id} allows anyone ({what}) "
                    "with no condition that limits who"
                ), None
            if public is None:
                doubt_reason = doubt_reason or (
                    f"a statement of {policy.logical_id} is not fully known: "
                    + statement_doubt(statement)
                )
    return None, doubt_reason


def not_public_verdict(
    policies: list[Resource], reason: str | None, ctx: Context, noun: str
) -> Verdict:
    """The verdict of a topic's or queue's policies: FAIL on a statement open to anyone."""
    grant, doubt_reason = open_grant(policies, ctx, noun)
    if grant:
        return failed(grant)
    reason = reason or doubt_reason
    if reason:
        return unknown(f"{noun} policies not fully known: {reason}")
    if not policies:
        return passed(f"no {noun} policy: only the owning account can use the {noun}")
    return passed(f"no {noun} policy statement open to anyone")


def tls_only_verdict(
    policies: list[Resource],
    reason: str | None,
    ctx: Context,
    enough: Callable[[list[str]], bool],
    noun: str,
    *,
    requests: str,
    plain: str,
    still: str,
) -> Verdict:
    """The verdict of a topic's or queue's policies: PASS when a plain-HTTP Deny covers
    ``enough``. The texts name the ``requests`` denied, what is done over ``plain`` HTTP
    without a policy, and what ``still`` works when a Deny covers less."""
    covering, partial, doubt_reason = tls_denial(policies, ctx, enough)
    if covering:
        return passed(f"{noun} policy {covering} denies {requests} without TLS")
    reason = reason or doubt_reason
    if reason:
        return unknown(f"{noun} policies not fully known: {reason}")
    if partial:
        only = ", ".join(partial[1]) or "no action"
        return failed(
            f"{noun} policy {partial[0]} denies plain HTTP only for {only}; {still} without TLS"
        )
    if not policies:
        return failed(f"no {noun} policy: messages can be {plain} over plain HTTP")
    names = ", ".join(p.logical_id for p in policies)
    return failed(f"{noun} policy {names} does not deny {requests} without TLS")


def tls_denial(
    policies: list[Resource], ctx: Context, enough: Callable[[list[str]], bool]
) -> tuple[str | None, tuple[str, list[str]] | None, str | None]:
    """(policy whose plain-HTTP Deny covers ``enough``, else (policy, actions) denied, doubt)."""
    partial, doubt_reason = None, None
    for policy in policies:
        found = statements(policy, ctx)
        if isinstance(found, str):
            doubt_reason = doubt_reason or found
            continue
        for statement in found:
            denied = denies_plain_http(statement)
            if denied is None:
                continue
            if enough(denied):
                return policy.logical_id, None, doubt_reason
            partial = (policy.logical_id, denied)
    return None, partial, doubt_reason
