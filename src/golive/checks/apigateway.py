"""Checks on API Gateway stages (catalogue: ``catalog/apigateway.yaml``).

REST stages (``AWS::ApiGateway::Stage``) and HTTP or WebSocket stages
(``AWS::ApiGatewayV2::Stage``); SAM ``Api`` and ``HttpApi`` resources arrive here already
expanded into them. The helpers at the top find a stage's API and read an API's inline
OpenAPI definition; ``checks.apigateway_methods`` imports them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.checks.elb import deployed
from golive.checks.resource_policy import dig, doubt
from golive.context import Context
from golive.model import Resource
from golive.values import ABSENT, Reference, Text, Unknown, is_true

REST_STAGE = "AWS::ApiGateway::Stage"
REST_API = "AWS::ApiGateway::RestApi"
METHOD = "AWS::ApiGateway::Method"
WEB_ACL_ASSOCIATIONS = ("AWS::WAFv2::WebACLAssociation", "AWS::WAFRegional::WebACLAssociation")
_VERBS = ("get", "put", "post", "delete", "options", "head", "patch")
_ANY = "x-amazon-apigateway-any-method"


# --- shared helpers ---------------------------------------------------------------------------


def api_of(stage: Resource, ctx: Context) -> Resource | None:
    """The stack's API a stage, method or route belongs to."""
    prop = "RestApiId" if stage.type.startswith("AWS::ApiGateway::") else "ApiId"
    return ctx.resource(ctx.resolver.resolve(stage.properties.get(prop)))


@dataclass(frozen=True)
class Operation:
    """One operation of an inline OpenAPI definition."""

    verb: str
    path: str
    body: Any


@dataclass(frozen=True)
class Definition:
    """An API's inline OpenAPI definition: the document and its operations."""

    document: Any
    operations: list[Operation]


def definition(api: Resource, ctx: Context) -> Definition | Unknown | None:
    """The API's inline ``Body`` and its operations; None when it has no inline definition."""
    body = ctx.value(api, "Body")
    if body.unknown:
        return Unknown(f"the API definition is not known: {body.reason}")
    if body.absent:
        if not ctx.value(api, "BodyS3Location").absent:
            return Unknown("the API definition lives in S3 (BodyS3Location), outside the template")
        return None
    document = body.value
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except ValueError:
            return Unknown("the API definition is a string golive cannot read as JSON")
    paths = dig(document, "paths")
    if doubt(paths):
        return Unknown(f"the API paths are not known: {doubt(paths)}")
    found = []
    for path, item in sorted(paths.items()) if isinstance(paths, dict) else []:
        for verb, op in sorted(item.items()) if isinstance(item, dict) else []:
            if verb.lower() in _VERBS or verb.lower() == _ANY:
                name = "ANY" if verb.lower() == _ANY else verb.upper()
                found.append(Operation(name, str(path), op))
    return Definition(document, found)


def sample(names: list[str]) -> str:
    """The first three names, and how many more."""
    more = f" and {len(names) - 3} more" if len(names) > 3 else ""
    return ", ".join(names[:3]) + more


def _rest(stage: Resource) -> bool:
    return stage.type == REST_STAGE


def _settings(stage: Resource, ctx: Context) -> list[Any] | Unknown:
    settings = ctx.value(stage, "MethodSettings")
    if settings.unknown:
        return Unknown(f"the method settings are not known: {settings.reason}")
    return settings.value if isinstance(settings.value, list) else []


def _stage_wide(entry: Any) -> bool:
    return dig(entry, "ResourcePath") in ("/*", "*") and dig(entry, "HttpMethod") == "*"


def _where(entry: Any) -> str:
    return f"{dig(entry, 'HttpMethod')} {dig(entry, 'ResourcePath')}"


# --- access logs, tracing ---------------------------------------------------------------------


@check("apigateway.access-logging")
def access_logging(stage: Resource, ctx: Context) -> Verdict:
    prop = "AccessLogSetting" if _rest(stage) else "AccessLogSettings"
    destination = ctx.value(stage, f"{prop}.DestinationArn")
    if destination.unknown:
        return unknown(f"the access log destination is not known: {destination.reason}", prop)
    if destination.absent:
        return failed("no access logging: who called what, and with what result, is not kept", prop)
    target = destination.value
    name = f" {target.logical_id}" if isinstance(target, Reference) else ""
    return passed(f"access logs go to{name or ' ' + str(target)}", prop)


@check("apigateway.tracing")
def tracing(stage: Resource, ctx: Context) -> Verdict:
    enabled = ctx.value(stage, "TracingEnabled")
    if enabled.unknown:
        return unknown(f"tracing is not known: {enabled.reason}", "TracingEnabled")
    if enabled.known and is_true(enabled.value):
        return passed("X-Ray traces each request from the stage to its integrations")
    return failed(
        "no X-Ray tracing: a slow or failing request cannot be followed into the backend",
        "TracingEnabled",
    )


# --- throttling -------------------------------------------------------------------------------

_THROTTLES = ("ThrottlingRateLimit", "ThrottlingBurstLimit")


@check("apigateway.throttling")
def throttling(stage: Resource, ctx: Context) -> Verdict:
    if not _rest(stage):
        return _route_throttling(stage, ctx)
    settings = _settings(stage, ctx)
    if isinstance(settings, Unknown):
        return unknown(settings.reason, "MethodSettings")
    limited = [e for e in settings if any(dig(e, k) is not ABSENT for k in _THROTTLES)]
    if any(_stage_wide(e) for e in limited):
        return passed("stage-wide throttling limits (MethodSettings /*/*)", "MethodSettings")
    plans, reason = _usage_plans(stage, ctx)
    if plans:
        return passed(f"throttled by usage plan {sample(plans)} for callers with API keys")
    if limited:
        shown = sample([_where(e) for e in limited])
        return passed(f"throttling limits on {shown}; other methods use the account limit")
    if reason:
        return unknown(f"a usage plan may throttle the stage: {reason}")
    return _unthrottled("MethodSettings")


def _unthrottled(at: str) -> Verdict:
    return failed(
        "no throttling limits: a flood of requests is stopped only by the account-wide "
        "limit, which every API in the Region shares, and reaches the backend first",
        at,
    )


def _route_throttling(stage: Resource, ctx: Context) -> Verdict:
    defaults = ctx.value(stage, "DefaultRouteSettings")
    routes = ctx.value(stage, "RouteSettings")
    for value in (defaults, routes):
        if value.unknown:
            return unknown(f"the route settings are not known: {value.reason}")
    if any(dig(defaults.value, k) is not ABSENT for k in _THROTTLES):
        return passed("default route throttling limits", "DefaultRouteSettings")
    per_route = routes.value if isinstance(routes.value, dict) else {}
    limited = sorted(
        k for k, v in per_route.items() if any(dig(v, t) is not ABSENT for t in _THROTTLES)
    )
    if limited:
        return passed(f"throttling limits on {sample(limited)}", "RouteSettings")
    return _unthrottled("DefaultRouteSettings")


def _stage_name(stage: Resource, ctx: Context) -> str | None:
    name = ctx.value(stage, "StageName")
    return str(name.value) if name.known else None


def _names_stage(value: Any, stage: Resource, ctx: Context) -> bool | None:
    """Whether a Stage value of a usage plan names ``stage``: True, False or None (unknown)."""
    if isinstance(value, Reference):
        return value.logical_id == stage.logical_id
    if isinstance(value, (Unknown, Text)):
        return None
    return bool(value == _stage_name(stage, ctx))


def _usage_plans(stage: Resource, ctx: Context) -> tuple[list[str], str | None]:
    api = api_of(stage, ctx)
    if api is None:
        return [], None
    found, reason = [], None
    for plan in ctx.referrers(api, "AWS::ApiGateway::UsagePlan"):
        if deployed(plan, stage, ctx) is False:
            continue
        entries = ctx.value(plan, "ApiStages")
        for entry in entries.value if isinstance(entries.value, list) else []:
            if dig(entry, "ApiId") != Reference(api.logical_id):
                continue
            names = _names_stage(dig(entry, "Stage"), stage, ctx)
            throttled = not ctx.value(plan, "Throttle").absent or dig(entry, "Throttle")
            if names is None:
                reason = reason or f"the stage of usage plan {plan.logical_id} is not known"
            elif names and throttled:
                found.append(plan.logical_id)
    return sorted(set(found)), reason


# --- web ACL, cache, client certificate --------------------------------------------------------


def _arn_text(value: Any) -> str | None:
    parts = value.parts if isinstance(value, Text) else (value,)
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, Reference):
            out.append(f"{{ref:{part.logical_id}}}")
        elif isinstance(part, Unknown):
            out.append("{?}")
        else:
            return None
    return "".join(out)


def _protects(
    association: Resource, stage: Resource, api: Resource | None, ctx: Context
) -> bool | None:
    text = _arn_text(ctx.resolver.resolve(association.properties.get("ResourceArn")))
    if text is None:
        return False
    if f"{{ref:{stage.logical_id}}}" in text:
        return True
    marker = f"/restapis/{{ref:{api.logical_id}}}/stages/" if api else None
    if not marker or marker not in text:
        return False
    name = text.split(marker, 1)[1].split("/", 1)[0]
    if "{?}" in name or _stage_name(stage, ctx) is None:
        return None
    return name == _stage_name(stage, ctx)


@check("apigateway.waf")
def waf(stage: Resource, ctx: Context) -> Verdict:
    api = api_of(stage, ctx)
    if api is not None:
        types = ctx.value(api, "EndpointConfiguration.Types")
        if types.known and "PRIVATE" in [str(t).upper() for t in types.value or []]:
            return not_applicable("a private API: it is reachable only through VPC endpoints")
    candidates = {r.logical_id: r for r in ctx.referrers(stage, *WEB_ACL_ASSOCIATIONS)}
    if api is not None:
        candidates.update({r.logical_id: r for r in ctx.referrers(api, *WEB_ACL_ASSOCIATIONS)})
    found, reason = [], None
    for association in candidates.values():
        answer = _protects(association, stage, api, ctx)
        live = deployed(association, stage, ctx)
        if answer is None or (answer and isinstance(live, Unknown)):
            reason = reason or f"association {association.logical_id} may name this stage"
        elif answer and live:
            found.append(association.logical_id)
    if found:
        return passed(f"web ACL attached by {sample(sorted(found))}")
    if reason:
        return unknown(reason)
    return failed("no web ACL association in this template: requests reach the API unfiltered")


@check("apigateway.cache-encryption")
def cache_encryption(stage: Resource, ctx: Context) -> Verdict:
    cluster = ctx.value(stage, "CacheClusterEnabled")
    if cluster.unknown:
        return unknown(f"whether the stage has a cache is not known: {cluster.reason}")
    if not (cluster.known and is_true(cluster.value)):
        return not_applicable("no cache cluster: the stage caches no responses")
    settings = _settings(stage, ctx)
    if isinstance(settings, Unknown):
        return unknown(settings.reason, "MethodSettings")
    wide = next((e for e in settings if _stage_wide(e)), None)
    encrypted = dig(wide, "CacheDataEncrypted")
    if doubt(encrypted):
        return unknown(f"cache encryption is not known: {doubt(encrypted)}", "MethodSettings")
    if not is_true(encrypted):
        return failed(
            "the cache cluster stores responses unencrypted: CacheDataEncrypted is not true "
            "in the stage-wide (/*/*) method settings",
            "MethodSettings",
        )
    off = [
        _where(e)
        for e in settings
        if dig(e, "CacheDataEncrypted") is not ABSENT and not is_true(dig(e, "CacheDataEncrypted"))
    ]
    if off:
        return failed(f"cache encryption is switched off for {sample(off)}", "MethodSettings")
    return passed("cached responses are encrypted (CacheDataEncrypted on /*/*)", "MethodSettings")


def _http_integrations(api: Resource, ctx: Context) -> list[str] | Unknown:
    """Methods of ``api`` that call an HTTP backend over the internet (not a VPC link)."""
    found = []
    for method in ctx.referrers(api, METHOD):
        kind = ctx.value(method, "Integration.Type")
        link = ctx.value(method, "Integration.ConnectionType")
        if kind.unknown:
            return Unknown(f"the integration of {method.logical_id} is not known: {kind.reason}")
        if (
            str(kind.value).upper() in ("HTTP", "HTTP_PROXY")
            and str(link.value).upper() != "VPC_LINK"
        ):
            found.append(method.logical_id)
    inline = definition(api, ctx)
    if isinstance(inline, Unknown):
        return inline
    for op in inline.operations if inline else []:
        integration = dig(op.body, "x-amazon-apigateway-integration")
        kind, link = dig(integration, "type"), dig(integration, "connectionType")
        if str(kind).lower() in ("http", "http_proxy") and str(link).upper() != "VPC_LINK":
            found.append(f"{op.verb} {op.path}")
    return found


@check("apigateway.client-certificate")
def client_certificate(stage: Resource, ctx: Context) -> Verdict:
    api = api_of(stage, ctx)
    if api is None:
        return unknown("the API is not in this template, so its integrations are not known")
    calls = _http_integrations(api, ctx)
    if isinstance(calls, Unknown):
        return unknown(calls.reason)
    if not calls:
        return not_applicable(
            "no HTTP integration outside a VPC link: Lambda, AWS service and mock "
            "integrations are authenticated by AWS itself"
        )
    certificate = ctx.value(stage, "ClientCertificateId")
    if certificate.unknown:
        return unknown(f"the client certificate is not known: {certificate.reason}")
    if certificate.absent:
        return failed(
            f"calls HTTP backends ({sample(calls)}) without a client certificate: the backend "
            "cannot tell API Gateway from anyone else on the internet",
            "ClientCertificateId",
        )
    return passed("presents a client certificate to its HTTP backends", "ClientCertificateId")
