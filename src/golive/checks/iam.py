"""Checks on IAM policy statements and trust policies (catalogue: ``catalog/iam.yaml``).

Statements are read wherever a template writes them: the ``Policies`` of roles, users and
groups (SAM's generated roles included, after translation) and the ``PolicyDocument`` of
``AWS::IAM::Policy``, ``ManagedPolicy``, ``RolePolicy``, ``UserPolicy`` and ``GroupPolicy``.
How ``Deny``, ``NotAction`` and ``NotResource`` count is decided once, in
``golive.policies``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from golive.checks.base import Verdict, check, failed, passed, unknown
from golive.context import Context
from golive.model import Resource, Status
from golive.policies import (
    Document,
    Maybe,
    Statement,
    condition_keys,
    parse_document,
    public_principals,
)
from golive.values import Text, Unknown, first_unknown

#: Types whose statements sit in a ``Policies`` list of named inline policies.
INLINE_HOLDERS = frozenset({"AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"})
#: Conditions that limit which service a role may be passed to, or to which resource.
_PASSROLE_LIMITS = ("iam:passedtoservice", "iam:associatedresourcearn")

#: AWS managed policies whose document is a whole-service wildcard.
_FULL_ACCESS = {"IAMFullAccess": "iam", "AmazonS3FullAccess": "s3"}

#: A test on one statement: (True, how it grants) / (None, "") when it cannot tell / False.
StatementTest = Callable[[Statement], tuple[Maybe, str]]


@dataclass
class Statements:
    """The statements a resource holds, and why some could not be read."""

    items: list[Statement] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    attribute: str = "PolicyDocument"


def statements_of(resource: Resource, ctx: Context) -> Statements:
    """Every statement ``resource`` writes itself, from any of the IAM resource shapes."""
    if resource.type not in INLINE_HOLDERS:
        found = Statements(attribute="PolicyDocument")
        raw = ctx.resolver.resolve(resource.properties.get("PolicyDocument"))
        _add(found, parse_document(raw, "the policy"))
        return found
    found = Statements(attribute="Policies")
    policies = ctx.resolver.resolve(resource.properties.get("Policies"))
    if isinstance(policies, Unknown | Text):
        found.doubts.append(f"Policies: {first_unknown(policies)}")
        return found
    for index, policy in enumerate(policies if isinstance(policies, list) else [], start=1):
        if not isinstance(policy, dict):
            continue
        name = policy.get("PolicyName")
        label = f"policy {name}" if isinstance(name, str) else f"policy {index}"
        _add(found, parse_document(policy.get("PolicyDocument"), label))
    return found


def _add(found: Statements, document: Document | Unknown) -> None:
    if isinstance(document, Unknown):
        found.doubts.append(document.reason)
    else:
        found.items.extend(document.statements)


def _all(*answers: Maybe) -> Maybe:
    if any(a is False for a in answers):
        return False
    if any(a is None for a in answers):
        return None
    return True


def _listed(items: list[str], limit: int = 3) -> str:
    shown = "; ".join(items[:limit])
    return shown + (f"; and {len(items) - limit} more" if len(items) > limit else "")


def judge_statements(
    resource: Resource, ctx: Context, test: StatementTest, *, grants: str, clean: str
) -> Verdict:
    """FAIL on statements ``test`` finds, UNKNOWN on doubts, PASS otherwise."""
    found = statements_of(resource, ctx)
    hits: list[str] = []
    doubts = list(found.doubts)
    for statement in found.items:
        answer, how = test(statement)
        if answer:
            hits.append(f"{statement.label} ({how})")
        elif answer is None:
            reason = statement.unknown_reason() or "an element known only at deployment"
            doubts.append(f"{statement.label}: {reason}")
    if hits:
        return failed(f"{grants}: {_listed(hits)}", found.attribute)
    if doubts:
        return unknown(f"cannot tell whether it {grants}: {_listed(doubts)}", found.attribute)
    if not found.items:
        return passed("no policy statements of its own", found.attribute)
    return passed(clean, found.attribute)


@check("iam.no-admin-statements")
def no_admin_statements(resource: Resource, ctx: Context) -> Verdict:
    return judge_statements(
        resource,
        ctx,
        _admin,
        grants="grants every action on every resource",
        clean="no statement allows every action on every resource",
    )


def _admin(statement: Statement) -> tuple[Maybe, str]:
    if statement.not_action is not None and statement.allows:
        actions: Maybe = True
        how = "Allow with NotAction"
    else:
        actions, how = statement.grants_all_actions(), "Action *"
    where = "NotResource" if statement.not_resource is not None else "Resource *"
    return _all(actions, statement.every_resource()), f"{how} on {where}"


@check("iam.no-service-wildcards")
def no_service_wildcards(resource: Resource, ctx: Context) -> Verdict:
    services = [str(s).lower() for s in ctx.option("services")]

    def test(statement: Statement) -> tuple[Maybe, str]:
        granted: dict[str, list[str]] = {}
        doubt = False
        for service in services:
            answer, how = statement.grants_service(service)
            if answer:
                granted.setdefault(how, []).append(service)
            elif answer is None:
                doubt = True
        if granted:
            return True, ", ".join(
                f"{how} covers all of {'/'.join(s)}" for how, s in granted.items()
            )
        return (None if doubt else False), ""

    verdict = judge_statements(
        resource,
        ctx,
        test,
        grants="grants a whole sensitive service",
        clean=f"no statement grants every action of {', '.join(services)}",
    )
    managed = _full_access_policies(resource, ctx, services)
    if not managed:
        return verdict
    also = f"; {verdict.reason}" if verdict.status is Status.FAIL else ""
    return failed(
        "grants a whole sensitive service: " + "; ".join(managed) + also, "ManagedPolicyArns"
    )


def _full_access_policies(resource: Resource, ctx: Context, services: list[str]) -> list[str]:
    """AWS managed policies attached to ``resource`` that grant one of ``services`` whole."""
    arns = ctx.resolver.resolve(resource.properties.get("ManagedPolicyArns"))
    found = []
    for arn in arns if isinstance(arns, list) else []:
        text = arn.literal("*") if isinstance(arn, Text) else arn
        if not isinstance(text, str):
            continue
        for name, service in _FULL_ACCESS.items():
            if service in services and text.endswith(f":iam::aws:policy/{name}"):
                found.append(f"AWS managed policy {name} grants {service}:*")
    return found


@check("iam.passrole-scoped")
def passrole_scoped(resource: Resource, ctx: Context) -> Verdict:
    return judge_statements(
        resource,
        ctx,
        _passrole,
        grants="lets the holder pass any role",
        clean="iam:PassRole is granted on named roles only, or not at all",
    )


def _passrole(statement: Statement) -> tuple[Maybe, str]:
    passes = statement.grants("iam:PassRole")
    if passes is False:
        return False, ""
    limits = [k for k in condition_keys(statement) if k.lower() in _PASSROLE_LIMITS]
    if limits:
        return False, ""
    scope = statement.every_resource()
    if scope is not True:
        scope = _any_role(statement.resource) if scope is False else None
    return _all(passes, scope), "iam:PassRole on every role, with no iam:PassedToService condition"


def _any_role(resource: object) -> Maybe:
    """Whether a resource entry names every role of an account (``...:role/*``)."""
    entries = resource if isinstance(resource, list) else [resource]
    for entry in entries:
        text = entry.literal("?") if isinstance(entry, Text) else entry
        if isinstance(text, str) and (text.endswith(":role/*") or text == "role/*"):
            return True
    return False


@check("iam.trust-policy-public")
def trust_policy_public(role: Resource, ctx: Context) -> Verdict:
    attribute = "AssumeRolePolicyDocument"
    if attribute not in role.properties:
        return unknown("no trust policy: AssumeRolePolicyDocument is required", attribute)
    raw = ctx.resolver.resolve(role.properties.get(attribute))
    document = parse_document(raw, "the trust policy")
    if isinstance(document, Unknown):
        return unknown(f"the trust policy is not known: {document.reason}", attribute)
    public: list[str] = []
    doubts: list[str] = []
    guarded: list[str] = []
    for statement in document.statements:
        if statement.allows is False:
            continue
        everyone, doubtful = public_principals(statement)
        if statement.allows is None and (everyone or doubtful):
            doubts.append(f"{statement.label}: its Effect is not known")
            continue
        keys = condition_keys(statement)
        if everyone and keys:
            guarded.append(f"{statement.label} (limited by {', '.join(keys)})")
        elif everyone:
            public.append(f"{statement.label} allows {', '.join(everyone)} with no condition")
        elif doubtful and not keys:
            doubts.append(f"{statement.label}: principal {', '.join(doubtful)}")
    if public:
        return failed(f"any AWS principal can assume the role: {_listed(public)}", attribute)
    if doubts:
        return unknown(f"the principals are not all known: {_listed(doubts)}", attribute)
    if guarded:
        return passed(
            f"a wildcard principal, but only under conditions: {_listed(guarded)}", attribute
        )
    return passed("only named principals can assume the role", attribute)
