"""Listener checks on load balancers: HTTPS and TLS policies (catalogue: ``catalog/elb.yaml``).

The helpers at the top read what every load-balancing check needs: the load balancer a
listener belongs to, its type and scheme with their defaults, its attributes, and whether a
resource that refers to it is deployed. ``checks.elb_balancers`` imports them.
"""

from __future__ import annotations

import re
from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.checks.resource_policy import dig, doubt
from golive.context import Context
from golive.model import Resource
from golive.values import ABSENT, Unknown

BALANCER = "AWS::ElasticLoadBalancingV2::LoadBalancer"
CLASSIC = "AWS::ElasticLoadBalancing::LoadBalancer"
LISTENER = "AWS::ElasticLoadBalancingV2::Listener"
LISTENER_RULE = "AWS::ElasticLoadBalancingV2::ListenerRule"
#: Listener protocols whose traffic the load balancer passes on without looking at it.
_PASS_THROUGH = frozenset({"TCP", "UDP", "TCP_UDP", "GENEVE", "QUIC", "TCP_QUIC"})
# NOTE: the predefined ELBv2 policies that refuse TLS 1.0 and 1.1 are exactly those whose
# name carries the minimum version 1-2 or 1-3 after TLS, TLS13 or FS ("Security policies for
# your Application Load Balancer", Elastic Load Balancing User Guide).
_MODERN_POLICY = re.compile(r"^ELBSecurityPolicy-(TLS13|TLS|FS)-1-[23]-", re.IGNORECASE)
_TLS13_POLICY = re.compile(r"^ELBSecurityPolicy-TLS13-", re.IGNORECASE)
#: What CloudFormation, the CLI and the CDK apply to an HTTPS or TLS listener without SslPolicy.
DEFAULT_POLICY = "ELBSecurityPolicy-2016-08"


# --- shared helpers ---------------------------------------------------------------------------


def deployed(other: Resource, subject: Resource, ctx: Context) -> bool | Unknown:
    """Whether ``other`` (which refers to ``subject``) is deployed whenever ``subject`` is."""
    if not other.condition or other.condition == subject.condition:
        return True
    return ctx.resolver.condition(other.condition)


def balancer_of(listener: Resource, ctx: Context) -> Resource | None:
    """The stack's load balancer a listener belongs to (None when it is outside the stack)."""
    found = ctx.resource(ctx.resolver.resolve(listener.properties.get("LoadBalancerArn")))
    return found if found is not None and found.type == BALANCER else None


def kind_of(balancer: Resource | None, ctx: Context) -> str | Unknown:
    """``application``, ``network``, ``gateway`` or ``classic``; Unknown when not known."""
    if balancer is None:
        return Unknown("the load balancer is not in this template")
    if balancer.type == CLASSIC:
        return "classic"
    kind = ctx.value(balancer, "Type")
    if kind.unknown:
        return Unknown(f"the load balancer type is not known: {kind.reason}")
    return str(kind.value).lower() if kind.known else "application"


def internal(balancer: Resource | None, ctx: Context) -> bool | Unknown:
    """Whether the load balancer is internal (Scheme defaults to internet-facing)."""
    if balancer is None:
        return Unknown("the load balancer is not in this template")
    scheme = ctx.value(balancer, "Scheme")
    if scheme.unknown:
        return Unknown(f"the load balancer scheme is not known: {scheme.reason}")
    return scheme.known and str(scheme.value).lower() == "internal"


def attribute(balancer: Resource, ctx: Context, key: str) -> Any:
    """A ``LoadBalancerAttributes`` value: the value, ABSENT, or Unknown with the reason."""
    entries = ctx.value(balancer, "LoadBalancerAttributes")
    if entries.unknown:
        return Unknown(f"the load balancer attributes are not known: {entries.reason}")
    found: Any = ABSENT
    for entry in entries.value if entries.known and isinstance(entries.value, list) else []:
        name = dig(entry, "Key")
        if doubt(name):
            found = found if found is not ABSENT else Unknown(f"an attribute key: {doubt(name)}")
        elif name == key:
            value = dig(entry, "Value")
            return Unknown(f"{key} is not known: {doubt(value)}") if doubt(value) else value
    return found


def _article(protocol: str) -> str:
    return "an" if protocol.startswith("HTTP") else "a"


# --- elb.https-listeners ----------------------------------------------------------------------


def _internal_exemption(balancer: Resource | None, ctx: Context) -> Verdict | bool | None:
    """NOT_APPLICABLE for an internal load balancer when the profile allows plaintext inside.

    Returns a verdict, None when the load balancer must encrypt, or True when whether it is
    internal is not known (a FAIL then becomes UNKNOWN).
    """
    if ctx.option("require_on_internal"):
        return None
    inside = internal(balancer, ctx)
    if isinstance(inside, Unknown):
        return True
    if inside:
        return not_applicable(
            f"an internal load balancer: the {ctx.profile.value} profile accepts plain HTTP "
            "inside the VPC"
        )
    return None


def _plaintext(reason: str, exemption: Verdict | bool | None, at: str) -> Verdict:
    if exemption is True:
        return unknown(
            f"{reason}; it is acceptable only on an internal load balancer, and whether this "
            "one is internal is not known",
            at,
        )
    return failed(reason, at)


def _redirects_to_https(actions: Any) -> bool | Unknown:
    """Whether the actions answer with a redirect to HTTPS (Unknown when that is not known)."""
    if doubt(actions):
        return Unknown(f"the actions are not known: {doubt(actions)}")
    for action in actions if isinstance(actions, list) else []:
        kind = dig(action, "Type")
        if doubt(kind) or doubt(action):
            return Unknown(f"an action is not known: {doubt(kind) or doubt(action)}")
        if str(kind).lower() != "redirect":
            continue
        protocol = dig(action, "RedirectConfig", "Protocol")
        if doubt(protocol):
            return Unknown(f"the redirect protocol is not known: {doubt(protocol)}")
        return str(protocol).upper() == "HTTPS"
    return False


def _plain_rules(listener: Resource, ctx: Context) -> tuple[list[str], str | None]:
    """Listener rules of ``listener`` that answer other than by a redirect to HTTPS."""
    rules, reason = [], None
    for rule in ctx.referrers(listener, LISTENER_RULE):
        if deployed(rule, listener, ctx) is False:
            continue
        actions = ctx.value(rule, "Actions")
        answer = (
            Unknown(actions.reason or "") if actions.unknown else _redirects_to_https(actions.value)
        )
        if isinstance(answer, Unknown):
            reason = reason or f"what listener rule {rule.logical_id} does: {answer.reason}"
        elif not answer:
            rules.append(rule.logical_id)
    return sorted(rules), reason


@check("elb.https-listeners")
def https_listeners(resource: Resource, ctx: Context) -> Verdict:
    if resource.type == CLASSIC:
        return _classic_listeners(resource, ctx)
    protocol = ctx.value(resource, "Protocol")
    if protocol.unknown:
        return unknown(f"the listener protocol is not known: {protocol.reason}", "Protocol")
    balancer = balancer_of(resource, ctx)
    name = str(protocol.value).upper() if protocol.known else ""
    if name in ("HTTPS", "TLS"):
        return passed(f"{_article(name)} {name} listener: connections are encrypted", "Protocol")
    if name in _PASS_THROUGH or (not name and kind_of(balancer, ctx) == "gateway"):
        return not_applicable(
            f"a {name or 'GENEVE'} listener passes traffic through without reading it; "
            "whether it is encrypted is up to the protocol the targets speak"
        )
    if name != "HTTP":
        return unknown("the listener has no Protocol", "Protocol")
    exemption = _internal_exemption(balancer, ctx)
    if isinstance(exemption, Verdict):
        return exemption
    actions = ctx.value(resource, "DefaultActions")
    if actions.unknown:
        return unknown(f"the default actions are not known: {actions.reason}", "DefaultActions")
    redirect = _redirects_to_https(actions.value)
    if isinstance(redirect, Unknown):
        return unknown(redirect.reason, "DefaultActions")
    if not redirect:
        return _plaintext(
            "a plain HTTP listener whose default action does not redirect to HTTPS: "
            "requests and responses cross the network unencrypted",
            exemption,
            "DefaultActions",
        )
    rules, reason = _plain_rules(resource, ctx)
    if rules:
        return _plaintext(
            f"redirects to HTTPS by default, but listener rule {', '.join(rules[:3])} "
            "answers plain HTTP itself",
            exemption,
            "DefaultActions",
        )
    if reason:
        return unknown(f"redirects to HTTPS by default; not known is {reason}", "DefaultActions")
    return passed("a plain HTTP listener that only redirects to HTTPS", "DefaultActions")


def _classic_listeners(balancer: Resource, ctx: Context) -> Verdict:
    listeners = ctx.value(balancer, "Listeners")
    if listeners.unknown:
        return unknown(f"the listeners are not known: {listeners.reason}", "Listeners")
    plain, secure, unsure = [], 0, None
    for listener in listeners.value if isinstance(listeners.value, list) else []:
        protocol = dig(listener, "Protocol")
        port = dig(listener, "LoadBalancerPort")
        if doubt(protocol):
            unsure = unsure or f"a listener protocol is not known: {doubt(protocol)}"
        elif str(protocol).upper() == "HTTP":
            plain.append(str(port) if port is not ABSENT and not doubt(port) else "?")
        elif str(protocol).upper() in ("HTTPS", "SSL"):
            secure += 1
    if plain:
        exemption = _internal_exemption(balancer, ctx)
        if isinstance(exemption, Verdict):
            return exemption
        return _plaintext(
            f"plain HTTP listener on port {', '.join(plain)}: a Classic Load Balancer cannot "
            "redirect to HTTPS, so the traffic stays unencrypted",
            exemption,
            "Listeners",
        )
    if unsure:
        return unknown(unsure, "Listeners")
    if secure:
        return passed("every HTTP listener is HTTPS or SSL", "Listeners")
    return not_applicable(
        "TCP listeners only: the load balancer passes traffic through without reading it"
    )


# --- elb.tls-policy ---------------------------------------------------------------------------


@check("elb.tls-policy")
def tls_policy(listener: Resource, ctx: Context) -> Verdict:
    protocol = ctx.value(listener, "Protocol")
    if protocol.unknown:
        return unknown(f"the listener protocol is not known: {protocol.reason}", "Protocol")
    name = str(protocol.value).upper() if protocol.known else "GENEVE"
    if name not in ("HTTPS", "TLS"):
        return not_applicable(
            f"{_article(name)} {name} listener: the load balancer negotiates no TLS"
        )
    policy = ctx.value(listener, "SslPolicy")
    if policy.unknown:
        return unknown(f"the security policy is not known: {policy.reason}", "SslPolicy")
    if policy.absent:
        return failed(
            f"no SslPolicy: CloudFormation applies {DEFAULT_POLICY}, which still accepts "
            "TLS 1.0 and 1.1",
            "SslPolicy",
        )
    value = str(policy.value)
    if not _MODERN_POLICY.match(value):
        return failed(f"{value} accepts protocol versions below TLS 1.2", "SslPolicy")
    if not _TLS13_POLICY.match(value):
        return passed(f"{value} requires TLS 1.2 (a TLS13 policy also offers TLS 1.3)", "SslPolicy")
    return passed(f"{value} requires TLS 1.2 or later", "SslPolicy")


def listener_protocols(balancer: Resource, ctx: Context) -> list[str | Unknown]:
    """The protocols of the stack's listeners on ``balancer`` (Unknown where not known)."""
    found: list[str | Unknown] = []
    for listener in ctx.referrers(balancer, LISTENER):
        if deployed(listener, balancer, ctx) is False:
            continue
        owner = balancer_of(listener, ctx)
        if owner is None or owner.logical_id != balancer.logical_id:
            continue
        protocol = ctx.value(listener, "Protocol")
        found.append(
            Unknown(protocol.reason or "")
            if protocol.unknown
            else str(protocol.value).upper()
            if protocol.known
            else "GENEVE"
        )
    return found
