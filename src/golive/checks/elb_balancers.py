"""Load balancer and target group checks (catalogue: ``catalog/elb.yaml``).

Attributes an Application, Network or Gateway Load Balancer keeps in
``LoadBalancerAttributes`` (header hygiene, access logs, deletion protection), the web ACL
associated with it, Classic Load Balancers, and target group health checks.
"""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, not_applicable, passed, switch, unknown
from golive.checks.elb import (
    CLASSIC,
    attribute,
    deployed,
    internal,
    kind_of,
    listener_protocols,
)
from golive.context import Context
from golive.model import Resource
from golive.values import ABSENT, Reference, Unknown, is_true

ATTRIBUTES = "LoadBalancerAttributes"
WEB_ACL_ASSOCIATIONS = ("AWS::WAFv2::WebACLAssociation", "AWS::WAFRegional::WebACLAssociation")
_KIND_NAMES = {
    "application": "an Application Load Balancer",
    "network": "a Network Load Balancer",
    "gateway": "a Gateway Load Balancer",
}


def _attribute_switch(balancer: Resource, ctx: Context, key: str, what: str) -> Verdict:
    """PASS when attribute ``key`` is true, FAIL when unset or false, UNKNOWN when not known."""
    value = attribute(balancer, ctx, key)
    if isinstance(value, Unknown):
        return unknown(value.reason, ATTRIBUTES)
    if is_true(value):
        return passed(f"{key} is true", ATTRIBUTES)
    shown = str(value).lower() if isinstance(value, bool) else value
    state = "not set (off by default)" if value is ABSENT else f"set to {shown}"
    return failed(f"{key} is {state}: {what}", ATTRIBUTES)


@check("elb.drop-invalid-headers")
def drop_invalid_headers(balancer: Resource, ctx: Context) -> Verdict:
    kind = kind_of(balancer, ctx)
    if isinstance(kind, Unknown):
        return unknown(kind.reason, "Type")
    if kind != "application":
        return not_applicable(f"{_KIND_NAMES.get(kind, kind)} does not parse HTTP headers")
    return _attribute_switch(
        balancer,
        ctx,
        "routing.http.drop_invalid_header_fields.enabled",
        "headers with invalid names reach the targets, a way in for request smuggling",
    )


@check("elb.access-logs")
def access_logs(balancer: Resource, ctx: Context) -> Verdict:
    if balancer.type == CLASSIC:
        return switch(
            ctx.value(balancer, "AccessLoggingPolicy.Enabled"),
            "AccessLoggingPolicy",
            what="access logging",
            on="access logs delivered to S3",
            off="no access logging: requests leave no record to investigate",
        )
    kind = kind_of(balancer, ctx)
    if isinstance(kind, Unknown):
        return unknown(kind.reason, "Type")
    if kind == "gateway":
        return not_applicable("a Gateway Load Balancer writes no access logs")
    if kind == "network":
        protocols = listener_protocols(balancer, ctx)
        if not any(p == "TLS" or isinstance(p, Unknown) for p in protocols):
            return not_applicable(
                "a Network Load Balancer without a TLS listener in this template: its access "
                "logs record TLS connections only, so they would stay empty"
            )
    return _attribute_switch(
        balancer,
        ctx,
        "access_logs.s3.enabled",
        "requests leave no record to investigate",
    )


@check("elb.deletion-protection")
def deletion_protection(balancer: Resource, ctx: Context) -> Verdict:
    if not ctx.option("required"):
        return not_applicable(
            f"the {ctx.profile.value} profile does not ask for deletion protection on load "
            "balancers"
        )
    return _attribute_switch(
        balancer,
        ctx,
        "deletion_protection.enabled",
        "one mistaken delete takes the entry point, and its DNS name, away",
    )


def _web_acls(balancer: Resource, ctx: Context) -> tuple[list[str], str | None]:
    """Associations in the stack that attach a web ACL to ``balancer``, and a doubt."""
    found, reason = [], None
    for association in ctx.referrers(balancer, *WEB_ACL_ASSOCIATIONS):
        target = ctx.resolver.resolve(association.properties.get("ResourceArn"))
        if not (isinstance(target, Reference) and target.logical_id == balancer.logical_id):
            continue
        live = deployed(association, balancer, ctx)
        if isinstance(live, Unknown):
            reason = reason or f"association {association.logical_id}: {live.reason}"
        elif live:
            found.append(association.logical_id)
    return sorted(found), reason


@check("elb.waf")
def waf(balancer: Resource, ctx: Context) -> Verdict:
    kind = kind_of(balancer, ctx)
    if isinstance(kind, Unknown):
        return unknown(kind.reason, "Type")
    if kind != "application":
        return not_applicable(f"{_KIND_NAMES.get(kind, kind)}: AWS WAF attaches to ALBs only")
    associations, reason = _web_acls(balancer, ctx)
    if associations:
        return passed(f"web ACL attached by {', '.join(associations)}")
    inside = internal(balancer, ctx)
    if isinstance(inside, Unknown):
        return unknown(inside.reason, "Scheme")
    if inside:
        return not_applicable("an internal load balancer: it takes no requests from the internet")
    if reason:
        return unknown(f"a web ACL may be attached: {reason}")
    return failed(
        "an internet-facing ALB with no web ACL association in this template: requests "
        "reach the targets unfiltered"
    )


@check("elb.no-classic")
def no_classic(balancer: Resource, ctx: Context) -> Verdict:
    if balancer.type == CLASSIC:
        return failed(
            "a Classic Load Balancer: the previous generation, without HTTP-to-HTTPS "
            "redirects, path routing, WAF, HTTP/2 or TLS 1.3"
        )
    kind = kind_of(balancer, ctx)
    if isinstance(kind, Unknown):
        return passed("a current-generation (ELBv2) load balancer")
    return passed(_KIND_NAMES.get(kind, f"a {kind} load balancer"))


# --- elb.target-group-health-check ------------------------------------------------------------

_TCP_FAMILY = ("TCP", "TLS", "UDP", "TCP_UDP", "GENEVE", "QUIC", "TCP_QUIC")


@check("elb.target-group-health-check")
def target_group_health_check(group: Resource, ctx: Context) -> Verdict:
    target_type = ctx.value(group, "TargetType")
    if target_type.unknown:
        return unknown(f"the target type is not known: {target_type.reason}", "TargetType")
    if target_type.known and str(target_type.value).lower() == "lambda":
        return not_applicable(
            "Lambda targets: the load balancer invokes the function, whose errors and "
            "throttles show in its own metrics"
        )
    enabled = ctx.value(group, "HealthCheckEnabled")
    if enabled.unknown:
        return unknown(f"whether health checks run is not known: {enabled.reason}")
    if enabled.known and not is_true(enabled.value):
        return failed(
            "HealthCheckEnabled is false: failed targets keep receiving traffic",
            "HealthCheckEnabled",
        )
    protocol = _health_check_protocol(group, ctx)
    if isinstance(protocol, Unknown):
        return unknown(protocol.reason, "HealthCheckProtocol")
    if protocol in _TCP_FAMILY:
        return passed(f"a {protocol} connection check (an HTTP check of a health path tells more)")
    path = ctx.value(group, "HealthCheckPath")
    if path.unknown:
        return unknown(f"the health check path is not known: {path.reason}", "HealthCheckPath")
    if path.absent:
        return failed(
            "no HealthCheckPath: the check requests /, which says little about whether the "
            "application and its dependencies work",
            "HealthCheckPath",
        )
    return passed(f"{protocol} health check on {path.value}", "HealthCheckPath")


def _health_check_protocol(group: Resource, ctx: Context) -> str | Unknown:
    for prop in ("HealthCheckProtocol", "Protocol"):
        value = ctx.value(group, prop)
        if value.unknown:
            return Unknown(f"the {prop} is not known: {value.reason}")
        if value.known:
            name = str(value.value).upper()
            # A TCP-family target group checks health over TCP unless told otherwise.
            return "TCP" if prop == "Protocol" and name in _TCP_FAMILY else name
    return "HTTP"  # an ALB target group without Protocol: only lambda targets omit it
