"""Checks on KMS keys (catalogue: ``catalog/kms.yaml``)."""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.context import Context
from golive.model import Resource
from golive.policies import condition_keys, parse_document, public_principals
from golive.values import Unknown, is_true

_SYMMETRIC = "SYMMETRIC_DEFAULT"
#: Default pending window when PendingWindowInDays is not set (KMS ScheduleKeyDeletion).
_DEFAULT_WINDOW = 30
#: Default rotation period when RotationPeriodInDays is not set.
_DEFAULT_PERIOD = 365


@check("kms.rotation")
def rotation(key: Resource, ctx: Context) -> Verdict:
    spec = ctx.value(key, "KeySpec")
    if spec.unknown:
        return unknown(f"the key spec is not known: {spec.reason}", "KeySpec")
    if spec.known and str(spec.value).upper() != _SYMMETRIC:
        # NOTE: automatic rotation exists only for symmetric encryption keys (KMS developer
        # guide, "Rotating AWS KMS keys"); asymmetric and HMAC keys are rotated by replacing them.
        return not_applicable(
            f"a {spec.value} key: KMS rotates only symmetric encryption keys automatically",
        )
    origin = ctx.value(key, "Origin")
    if origin.known and str(origin.value).upper() == "EXTERNAL":
        return not_applicable(
            "imported key material (Origin EXTERNAL): KMS cannot generate new material for it; "
            "rotate by importing into a new key"
        )
    enabled = ctx.value(key, "EnableKeyRotation")
    if enabled.unknown:
        return unknown(f"rotation is not known: {enabled.reason}", "EnableKeyRotation")
    if enabled.absent or not is_true(enabled.value):
        return failed(
            "automatic rotation is off: the same key material protects data for as long as "
            "the key lives",
            "EnableKeyRotation",
        )
    limit = int(ctx.option("max_period_days"))
    period = ctx.value(key, "RotationPeriodInDays")
    if period.unknown:
        return unknown(f"the rotation period is not known: {period.reason}", "RotationPeriodInDays")
    days = _DEFAULT_PERIOD if period.absent else _int(period.value)
    if days is None:
        return unknown(f"RotationPeriodInDays {period.value!r} is not a number of days")
    if days > limit:
        return failed(
            f"rotates every {days} days, longer than the {limit} days the "
            f"{ctx.profile.value} profile allows",
            "RotationPeriodInDays",
        )
    return passed(f"rotates its key material every {days} days", "EnableKeyRotation")


def _int(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


@check("kms.policy-not-public")
def policy_not_public(key: Resource, ctx: Context) -> Verdict:
    raw = key.properties.get("KeyPolicy")
    if raw is None:
        return passed("no key policy written: the default policy trusts only this account")
    document = parse_document(ctx.resolver.resolve(raw), "the key policy")
    if isinstance(document, Unknown):
        return unknown(f"the key policy is not known: {document.reason}", "KeyPolicy")
    public, doubts, guarded = [], [], []
    for statement in document.statements:
        if statement.allows is False:
            continue
        everyone, doubtful = public_principals(statement)
        keys = condition_keys(statement)
        if everyone and keys:
            guarded.append(f"{statement.label} (limited by {', '.join(keys)})")
        elif everyone and statement.allows:
            public.append(f"{statement.label} allows {', '.join(everyone)} with no condition")
        elif (everyone or doubtful) and not keys:
            doubts.append(f"{statement.label}: {', '.join(doubtful) or 'its Effect is not known'}")
    if public:
        return failed("anyone can use or manage the key: " + "; ".join(public[:3]), "KeyPolicy")
    if doubts:
        return unknown("the principals are not all known: " + "; ".join(doubts[:3]), "KeyPolicy")
    if guarded:
        return passed(
            "a wildcard principal, but only under conditions: " + "; ".join(guarded[:3]),
            "KeyPolicy",
        )
    return passed("the key policy names its principals", "KeyPolicy")


@check("kms.deletion-window")
def deletion_window(key: Resource, ctx: Context) -> Verdict:
    if _retained(key.deletion_policy) and _retained(key.update_replace_policy):
        return not_applicable(
            "DeletionPolicy and UpdateReplacePolicy are Retain: CloudFormation never "
            "schedules this key's deletion"
        )
    minimum = int(ctx.option("min_days"))
    window = ctx.value(key, "PendingWindowInDays")
    if window.unknown:
        return unknown(f"the waiting period is not known: {window.reason}", "PendingWindowInDays")
    days = _DEFAULT_WINDOW if window.absent else _int(window.value)
    if days is None:
        return unknown(f"PendingWindowInDays {window.value!r} is not a number of days")
    if days < minimum:
        return failed(
            f"a deleted key is gone after {days} days, under the {minimum} days the "
            f"{ctx.profile.value} profile asks for to notice and cancel a mistaken deletion",
            "PendingWindowInDays",
        )
    source = "the default" if window.absent else "PendingWindowInDays"
    return passed(f"waits {days} days ({source}) before deleting the key", "PendingWindowInDays")


def _retained(policy: object) -> bool:
    return isinstance(policy, str) and policy in ("Retain", "RetainExceptOnCreate")
