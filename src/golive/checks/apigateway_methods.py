"""Who may call an API, and what it accepts (catalogue: ``catalog/apigateway.yaml``).

Methods and routes are judged where they are written: as ``AWS::ApiGateway::Method`` and
``AWS::ApiGatewayV2::Route`` resources, or as operations of the API's inline OpenAPI
``Body`` (which is how SAM deploys its ``Api`` and ``HttpApi`` resources).
"""

from __future__ import annotations

from typing import Any

from golive.checks.apigateway import REST_API, Operation, api_of, definition, sample
from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.checks.resource_policy import dig, doubt
from golive.context import Context
from golive.model import Resource
from golive.values import ABSENT, Unknown, is_true

METHOD = "AWS::ApiGateway::Method"
ROUTE = "AWS::ApiGatewayV2::Route"
_BODY_VERBS = ("POST", "PUT", "PATCH", "ANY")


def _verb(items: list[str], one: str, other: str) -> str:
    return one if len(items) == 1 else other


def _judged_elsewhere(api: Resource, ctx: Context) -> Verdict:
    kind = "AWS::ApiGateway::Method" if api.type == REST_API else "AWS::ApiGatewayV2::Route"
    return not_applicable(f"no inline definition: its operations are judged as {kind} resources")


# --- apigateway.authorization -----------------------------------------------------------------


@check("apigateway.authorization")
def authorization(resource: Resource, ctx: Context) -> Verdict:
    if resource.type == METHOD:
        return _method_authorization(resource, ctx)
    if resource.type == ROUTE:
        return _route_authorization(resource, ctx)
    return _definition_authorization(resource, ctx)


def _open(resource: Resource, ctx: Context, what: str) -> Verdict:
    auth = ctx.value(resource, "AuthorizationType")
    if auth.unknown:
        return unknown(f"the authorization type is not known: {auth.reason}", "AuthorizationType")
    if auth.known and str(auth.value).upper() != "NONE":
        return passed(f"{what} requires {auth.value} authorization", "AuthorizationType")
    key = ctx.value(resource, "ApiKeyRequired")
    if key.unknown:
        return unknown(f"whether an API key is required is not known: {key.reason}")
    if key.known and is_true(key.value):
        return passed(f"{what} requires an API key", "ApiKeyRequired")
    return failed(
        f"{what} has AuthorizationType NONE and needs no API key: anyone who finds the URL "
        "can call it",
        "AuthorizationType",
    )


def _method_authorization(method: Resource, ctx: Context) -> Verdict:
    verb = ctx.value(method, "HttpMethod")
    if verb.unknown:
        return unknown(f"the HTTP method is not known: {verb.reason}", "HttpMethod")
    if str(verb.value).upper() == "OPTIONS":
        return not_applicable(
            "an OPTIONS method answers CORS preflight requests, which carry no credentials"
        )
    return _open(method, ctx, f"{str(verb.value).upper()} method")


def _route_authorization(route: Resource, ctx: Context) -> Verdict:
    key = ctx.value(route, "RouteKey")
    if key.unknown:
        return unknown(f"the route key is not known: {key.reason}", "RouteKey")
    name = str(key.value)
    api = api_of(route, ctx)
    protocol = ctx.value(api, "ProtocolType") if api is not None else None
    if protocol is not None and protocol.known:
        websocket = str(protocol.value).upper() == "WEBSOCKET"
    else:
        websocket = " " not in name and name != "$default"
    if websocket and name != "$connect":
        return not_applicable(
            "a WebSocket route other than $connect: the connection was authorized when it opened"
        )
    if not websocket and name.upper().startswith("OPTIONS "):
        return not_applicable("an OPTIONS route answers CORS preflight requests")
    return _open(route, ctx, f"route {name}")


def _requirements_open(security: Any) -> bool | None:
    """Whether an OpenAPI security list lets anonymous callers in; None when not known."""
    if doubt(security):
        return None
    if not isinstance(security, list) or not security:
        return True
    for requirement in security:
        if not isinstance(requirement, dict):
            return None
        if not requirement or set(requirement) == {"NONE"}:
            return True  # {} makes authentication optional; SAM writes NONE for "no authorizer"
    return False


def _definition_authorization(api: Resource, ctx: Context) -> Verdict:
    inline = definition(api, ctx)
    if isinstance(inline, Unknown):
        return unknown(inline.reason, "Body")
    if inline is None:
        if api.type != REST_API and not ctx.value(api, "Target").absent:
            return failed("a quick-create API: its default route has no authorization", "Target")
        return _judged_elsewhere(api, ctx)
    default = dig(inline.document, "security")
    exposed, unsure, judged = [], False, 0
    for op in inline.operations:
        if op.verb == "OPTIONS":
            continue
        judged += 1
        security = dig(op.body, "security")
        answer = _requirements_open(default if security is ABSENT else security)
        if answer is None:
            unsure = True
        elif answer:
            exposed.append(f"{op.verb} {op.path}")
    if exposed:
        return failed(
            f"{sample(exposed)} {_verb(exposed, 'requires', 'require')} no authorizer and no "
            f"API key: anyone who finds the URL can call {_verb(exposed, 'it', 'them')}",
            "Body",
        )
    if unsure:
        return unknown("the security requirements of some operations are not known", "Body")
    if not judged:
        return not_applicable("the definition has no operations besides CORS preflight")
    which = "its one operation requires" if judged == 1 else f"all {judged} operations require"
    return passed(f"{which} an authorizer, IAM or an API key", "Body")


# --- apigateway.request-validation ------------------------------------------------------------


@check("apigateway.request-validation")
def request_validation(resource: Resource, ctx: Context) -> Verdict:
    if resource.type != METHOD:
        return _definition_validation(resource, ctx)
    verb = ctx.value(resource, "HttpMethod")
    if verb.unknown:
        return unknown(f"the HTTP method is not known: {verb.reason}", "HttpMethod")
    name = str(verb.value).upper()
    declared = [p for p in ("RequestParameters", "RequestModels") if ctx.value(resource, p).value]
    if name == "OPTIONS" or (name not in _BODY_VERBS and not declared):
        article = "an" if name[:1] in "AEIOU" else "a"
        return not_applicable(
            f"{article} {name} method with no body or declared parameters to validate"
        )
    validator = ctx.value(resource, "RequestValidatorId")
    if validator.unknown:
        return unknown(f"the validator is not known: {validator.reason}", "RequestValidatorId")
    if validator.absent:
        return failed(
            f"{name} method without a request validator: malformed requests reach the backend "
            "and are billed there",
            "RequestValidatorId",
        )
    return passed("API Gateway validates requests before the integration", "RequestValidatorId")


def _takes_input(op: Operation) -> bool:
    if op.verb == "OPTIONS":
        return False
    if op.verb in _BODY_VERBS:
        return True
    return any(dig(op.body, k) not in (ABSENT, [], {}) for k in ("parameters", "requestBody"))


def _definition_validation(api: Resource, ctx: Context) -> Verdict:
    inline = definition(api, ctx)
    if isinstance(inline, Unknown):
        return unknown(inline.reason, "Body")
    if inline is None:
        return _judged_elsewhere(api, ctx)
    body = inline.document
    validators = dig(body, "x-amazon-apigateway-request-validators")
    default = dig(body, "x-amazon-apigateway-request-validator")
    missing, judged = [], 0
    for op in (o for o in inline.operations if _takes_input(o)):
        judged += 1
        name = dig(op.body, "x-amazon-apigateway-request-validator")
        chosen = dig(validators, default if name is ABSENT else name)
        checks = ("validateRequestBody", "validateRequestParameters")
        if not any(is_true(dig(chosen, k)) for k in checks):
            missing.append(f"{op.verb} {op.path}")
    if not judged:
        return not_applicable("no operation takes a body or declared parameters")
    if missing:
        return failed(
            f"{sample(missing)} {_verb(missing, 'accepts', 'accept')} requests without "
            "validation: malformed input reaches the backend",
            "Body",
        )
    which = "its one operation" if judged == 1 else f"all {judged} operations"
    verbs = ("takes", "is") if judged == 1 else ("take", "are")
    return passed(f"{which} that {verbs[0]} input {verbs[1]} validated", "Body")
