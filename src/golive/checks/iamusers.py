"""Checks on IAM identities: users, access keys, managed policies attached (``catalog/iam.yaml``).

Roles with temporary credentials are the practice; long-lived users and keys are what
these checks look for. One case where no role can serve passes: Amazon SES SMTP
credentials can only be derived from an IAM user's access key, so a user that may do
nothing but send mail, and its key, are the right tool.
"""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, passed, unknown
from golive.checks.iam import statements_of
from golive.context import Context
from golive.model import Resource
from golive.policies import Statement
from golive.values import Reference, Text, Unknown, first_unknown

USER = "AWS::IAM::User"
_USER_POLICY_TYPES = ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::UserPolicy")
_SMTP_ACTIONS = ("ses:sendrawemail", "ses:sendemail")
_ATTACH_AT = ("Users", "UserName")
_ADMIN_POLICY = ":iam::aws:policy/AdministratorAccess"


def _mail_only(statements: list[Statement]) -> bool:
    """Every statement allows only SES sending (and at least one does)."""
    allowing = [s for s in statements if s.allows]
    if not allowing or any(s.not_action is not None for s in allowing):
        return False
    for statement in allowing:
        actions = statement.action if isinstance(statement.action, list) else [statement.action]
        if not all(isinstance(a, str) and a.lower() in _SMTP_ACTIONS for a in actions):
            return False
    return True


def attached_policies(user: Resource, ctx: Context) -> list[Resource]:
    """Policy resources that attach to ``user`` (through Users or UserName, not a mention)."""
    found: dict[str, Resource] = {}
    for edge in ctx.graph.incoming.get(user.logical_id, ()):
        source = ctx.graph.stack.resources.get(edge.source)
        where = edge.path[1] if len(edge.path) > 1 else None
        if source is not None and source.type in _USER_POLICY_TYPES and where in _ATTACH_AT:
            found.setdefault(source.logical_id, source)
    return list(found.values())


def _is_smtp_user(user: Resource, ctx: Context) -> bool:
    """A user with no groups and no managed policies whose policies only send mail via SES."""
    for prop in ("Groups", "ManagedPolicyArns"):
        value = ctx.value(user, prop)
        if not value.absent and value.value != []:
            return False
    statements = list(statements_of(user, ctx).items)
    for policy in attached_policies(user, ctx):
        statements.extend(statements_of(policy, ctx).items)
    return _mail_only(statements)


_SMTP_REASON = (
    "only sends mail through Amazon SES: SMTP credentials can only be derived from an IAM "
    "user's access key"
)


@check("iam.no-users")
def no_users(user: Resource, ctx: Context) -> Verdict:
    if _is_smtp_user(user, ctx):
        return passed("the user " + _SMTP_REASON)
    console = ctx.value(user, "LoginProfile")
    keys = ctx.referrers(user, "AWS::IAM::AccessKey")
    parts = []
    if not console.absent:
        parts.append("a console password (LoginProfile)")
    if keys:
        parts.append("access key " + ", ".join(k.logical_id for k in keys))
    detail = f", with {' and '.join(parts)}" if parts else ""
    return failed(
        f"creates a long-lived IAM user{detail}: people should sign in through IAM Identity "
        "Center and workloads should use roles"
    )


@check("iam.no-access-keys")
def no_access_keys(key: Resource, ctx: Context) -> Verdict:
    user = ctx.resource(ctx.resolver.resolve(key.properties.get("UserName")))
    if user is not None and user.type == USER and _is_smtp_user(user, ctx):
        return passed(f"the key of {user.logical_id}, which " + _SMTP_REASON)
    status = ctx.value(key, "Status")
    if status.unknown:
        return unknown(f"whether the key is active is not known: {status.reason}", "Status")
    if status.known and str(status.value).lower() == "inactive":
        return passed("the key is created inactive and cannot sign requests", "Status")
    return failed(
        "creates a long-lived access key: it never expires, and anyone holding the secret "
        "acts as the user until someone rotates it"
    )


@check("iam.no-administrator-access")
def no_administrator_access(identity: Resource, ctx: Context) -> Verdict:
    arns = ctx.resolver.resolve(identity.properties.get("ManagedPolicyArns"))
    attribute = "ManagedPolicyArns"
    if isinstance(arns, Unknown | Text):
        return unknown(f"the managed policies are not known: {first_unknown(arns)}", attribute)
    doubts = []
    for arn in arns if isinstance(arns, list) else []:
        text = arn.literal("*") if isinstance(arn, Text) else arn
        if isinstance(text, str) and text.endswith(_ADMIN_POLICY):
            return failed(
                "the AWS managed policy AdministratorAccess is attached: full control of the "
                "account, IAM included",
                attribute,
            )
        if isinstance(arn, Unknown) or (isinstance(arn, Text) and not text.strip("*")):
            doubts.append(first_unknown(arn) or "a policy ARN known only at deployment")
    if doubts:
        return unknown(f"some managed policies are not known: {doubts[0]}", attribute)
    return passed("AdministratorAccess is not attached", attribute)


@check("iam.no-user-policies")
def no_user_policies(resource: Resource, ctx: Context) -> Verdict:
    if resource.type == USER:
        return _user(resource, ctx)
    if resource.type == "AWS::IAM::UserPolicy":
        return failed("an inline policy embedded in a user", "UserName")
    users = ctx.resolver.resolve(resource.properties.get("Users"))
    if isinstance(users, Unknown | Text):
        return unknown(f"the users it attaches to are not known: {first_unknown(users)}", "Users")
    if isinstance(users, list) and users:
        names = [u.logical_id if isinstance(u, Reference) else str(u) for u in users[:3]]
        return failed("attached directly to users " + ", ".join(names), "Users")
    return passed("attached to groups or roles only", "Users")


def _user(user: Resource, ctx: Context) -> Verdict:
    own = []
    for prop, what in (("Policies", "inline"), ("ManagedPolicyArns", "managed")):
        value = ctx.value(user, prop)
        if value.unknown:
            return unknown(f"its {what} policies are not known: {value.reason}", prop)
        if value.known and value.value:
            count = len(value.value)
            own.append(f"{count} {what} polic{'y' if count == 1 else 'ies'} ({prop})")
    attached = attached_policies(user, ctx)
    if attached:
        own.append("policies attached from " + ", ".join(p.logical_id for p in attached))
    if own:
        return failed("permissions given to the user directly: " + "; ".join(own), "Policies")
    return passed("permissions come only from groups", "Policies")
