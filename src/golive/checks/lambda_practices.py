"""Checks on Lambda functions, URLs and permissions (catalogue: ``catalog/lambda.yaml``).

Tracing, secrets in the environment, function URLs without authentication, resource-based
permissions without a source condition, deliberate retry settings for asynchronous
invocations, and a timeout chosen to fit the caller.
"""

from __future__ import annotations

import re
from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.checks.lambda_runtime import at_edge, only_custom_resource_handler
from golive.checks.secretscan import holds_value, leaves, names_secret, secret_patterns
from golive.context import Context
from golive.graph import references_in
from golive.invocations import Invocation, Mode
from golive.model import Resource
from golive.values import Text, is_true

EVENT_INVOKE_CONFIG = "AWS::Lambda::EventInvokeConfig"
PERMISSION = "AWS::Lambda::Permission"
_DYNAMIC_SECRET = re.compile(r"\{\{resolve:(secretsmanager|ssm-secure):", re.IGNORECASE)
_DYNAMIC_PARAMETER = re.compile(r"\{\{resolve:ssm:", re.IGNORECASE)
#: A URL with no credentials in it: an endpoint, not a secret, whatever the variable is called.
_PLAIN_URL = re.compile(r"^[a-z][a-z0-9+.-]*://[^@\s]+$", re.IGNORECASE)
#: Lambda's defaults for asynchronous invocation, for the reasons that name them.
_ASYNC_DEFAULTS = {
    "MaximumRetryAttempts": "two retries",
    "MaximumEventAgeInSeconds": "events kept up to six hours",
}
#: API Gateway's integration timeout: 29 s for REST and WebSocket APIs, 30 s for HTTP APIs.
_REST_LIMIT, _HTTP_LIMIT = 29.0, 30.0


def _names(items: list[str]) -> str:
    return ", ".join(items[:3]) + (f" and {len(items) - 3} more" if len(items) > 3 else "")


# --- tracing -----------------------------------------------------------------------------------


@check("lambda.tracing")
def tracing(fn: Resource, ctx: Context) -> Verdict:
    if at_edge(fn, ctx):
        return not_applicable("a Lambda@Edge function: Lambda@Edge does not support X-Ray")
    if only_custom_resource_handler(fn, ctx):
        return not_applicable(
            "a custom-resource handler only: CloudFormation's stack events already record "
            "each of its runs"
        )
    mode = ctx.value(fn, "TracingConfig.Mode")
    if mode.unknown:
        return unknown(f"the tracing mode is not known: {mode.reason}", "TracingConfig")
    if mode.known and mode.value == "Active":
        return passed("active X-Ray tracing (TracingConfig Mode Active)", "TracingConfig")
    if mode.known and mode.value == "PassThrough":
        return failed(
            "TracingConfig PassThrough: only requests that arrive already sampled are traced",
            "TracingConfig",
        )
    return failed(
        "no active tracing: a slow or failing request cannot be followed through the "
        "services it calls",
        "TracingConfig",
    )


# --- secrets in the environment --------------------------------------------------------------


def _variable_problem(name: str, raw: Any, ctx: Context) -> str | None:
    """How the variable ``name`` (raw value ``raw``) carries a secret, if it does."""
    secret_name = names_secret(name)
    for leaf in leaves(raw, ctx.resolver):
        if _DYNAMIC_SECRET.search(leaf.text):
            return f"{name} resolves a secret at deployment ({{{{resolve:...}}}})"
        if secret_name and _DYNAMIC_PARAMETER.search(leaf.text):
            return f"{name} resolves a Parameter Store value at deployment"
        if not leaf.literal:
            continue
        shapes = secret_patterns(leaf.text)
        if shapes:
            return f"{name} holds {shapes[0]}"
        if secret_name and holds_value(leaf.text) and not _PLAIN_URL.match(leaf.text.strip()):
            return f"{name} holds a literal value"
    stack = ctx.graph.stack
    for target, _attribute, _ in references_in(raw, stack.parameters.keys()):
        definition = stack.parameters.get(target) or {}
        no_echo = is_true(definition.get("NoEcho"))
        if no_echo or names_secret(target):
            marked = "NoEcho parameter" if no_echo else "parameter"
            return f"{name} takes the value of {marked} {target}"
    for target, attribute, _ in references_in(raw, stack.resources.keys()):
        if attribute and names_secret(attribute):
            return f"{name} takes {target}.{attribute}"
    return None


@check("lambda.environment-secrets")
def environment_secrets(fn: Resource, ctx: Context) -> Verdict:
    variables = ctx.value(fn, "Environment.Variables")
    if variables.unknown:
        return unknown(f"the environment is not known: {variables.reason}", "Environment")
    if variables.absent or not isinstance(variables.value, dict) or not variables.value:
        return passed("no environment variables")
    environment = fn.properties.get("Environment")
    raw = environment.get("Variables") if isinstance(environment, dict) else None
    written = raw if isinstance(raw, dict) else variables.value
    problems = [
        problem
        for name in sorted(variables.value)
        if (problem := _variable_problem(str(name), written.get(name), ctx)) is not None
    ]
    if problems:
        return failed(
            f"{_names(problems)}: the value is stored in plain text in the function's "
            "configuration, readable by anyone allowed lambda:GetFunctionConfiguration",
            "Environment.Variables",
        )
    count = len(variables.value)
    return passed(
        f"{count} environment variable{'' if count == 1 else 's'}, none holding a secret value"
    )


# --- function URLs and permissions -----------------------------------------------------------


@check("lambda.url-auth")
def url_auth(url: Resource, ctx: Context) -> Verdict:
    auth = ctx.value(url, "AuthType")
    if auth.unknown:
        return unknown(f"the URL's auth type is not known: {auth.reason}", "AuthType")
    if auth.known and auth.value == "AWS_IAM":
        return passed("callers must sign their requests (AuthType AWS_IAM)", "AuthType")
    return failed(
        "AuthType NONE: anyone who learns the URL can invoke the function, and every call "
        "is billed to you",
        "AuthType",
    )


def _url_only(permission: Resource, ctx: Context) -> bool:
    """Whether a permission only lets callers in through a function URL."""
    action = ctx.value(permission, "Action")
    via_url = ctx.value(permission, "InvokedViaFunctionUrl")
    return (action.known and str(action.value).lower() == "lambda:invokefunctionurl") or (
        via_url.known and is_true(via_url.value)
    )


def _principal_kind(principal: Any) -> str:
    """``anyone``, ``service``, ``account`` or ``unknown``."""
    if isinstance(principal, Text):
        literal = principal.literal("")
        return "service" if literal.endswith((".amazonaws.com", ".amazon.com")) else "unknown"
    if not isinstance(principal, (str, int)):
        return "unknown"
    text = str(principal)
    if text == "*":
        return "anyone"
    if text.endswith((".amazonaws.com", ".amazon.com")):
        return "service"
    return "account"


def _present(permission: Resource, ctx: Context, *names: str) -> list[str]:
    return [n for n in names if not ctx.value(permission, n).absent]


@check("lambda.permission-scoped")
def permission_scoped(permission: Resource, ctx: Context) -> Verdict:
    url_auth_type = ctx.value(permission, "FunctionUrlAuthType")
    is_url = _url_only(permission, ctx)
    if is_url and url_auth_type.known and url_auth_type.value == "AWS_IAM":
        return passed("invocation through a function URL that requires IAM-signed requests")
    if is_url:
        return not_applicable(
            "grants the public access of a function URL; lambda.url-auth judges the URL's AuthType"
        )
    principal = ctx.resolver.resolve(permission.properties.get("Principal"))
    kind = _principal_kind(principal)
    if kind == "unknown":
        return unknown(
            "the principal is not known: "
            + (getattr(principal, "reason", None) or "it is computed at deployment"),
            "Principal",
        )
    if kind == "account":
        return passed(f"granted to {principal} only", "Principal")
    scoping = _present(
        permission, ctx, "SourceArn", "SourceAccount", "PrincipalOrgID", "EventSourceToken"
    )
    if scoping:
        return passed(f"{_kind_label(kind, principal)} limited by {', '.join(scoping)}")
    if kind == "anyone":
        return failed(
            'Principal "*" with no SourceArn, SourceAccount or PrincipalOrgID: any AWS '
            "account can invoke the function",
            "Principal",
        )
    return failed(
        f"{_kind_label(kind, principal)} may invoke the function on behalf of any account's "
        "resources: add SourceArn (or SourceAccount) so only your own resource can",
        "SourceArn",
    )


def _kind_label(kind: str, principal: Any) -> str:
    """How a reason names the principal of a permission."""
    if kind == "anyone":
        return 'Principal "*"'
    return str(principal.literal("*") if isinstance(principal, Text) else principal)


# --- asynchronous retry settings -------------------------------------------------------------


def _sources(invocations: list[Invocation]) -> str:
    return _names(sorted({i.describe() for i in invocations}))


def _through_url(invocation: Invocation, ctx: Context) -> bool:
    """A permission that only lets callers through a function URL, which invoke synchronously."""
    source = ctx.graph.stack.resources.get(invocation.source)
    return source is not None and source.type == PERMISSION and _url_only(source, ctx)


@check("lambda.async-retry-settings")
def async_retry_settings(fn: Resource, ctx: Context) -> Verdict:
    # NOTE: function URLs invoke synchronously; the permissions behind them name no mode.
    invocations = [i for i in ctx.invocations(fn) if not _through_url(i, ctx)]
    asynchronous = [i for i in invocations if i.mode is Mode.ASYNC]
    if not asynchronous:
        undetermined = [i for i in invocations if i.mode is Mode.UNKNOWN]
        if undetermined:
            return unknown(
                f"may be invoked asynchronously by {_sources(undetermined)}; the template "
                "does not show the invocation mode"
            )
        if invocations:
            return not_applicable(
                f"invoked only synchronously or by polling ({_sources(invocations)}): "
                "Lambda's asynchronous retries never apply"
            )
        return unknown(
            "nothing in this template invokes the function; if something outside invokes "
            "it asynchronously, set its retries and event age"
        )
    configs = ctx.referrers(fn, EVENT_INVOKE_CONFIG)
    callers = f"invoked asynchronously by {_sources(asynchronous)}"
    if not configs:
        return failed(
            f"{callers} with Lambda's defaults (two retries, events kept up to six hours): "
            "no EventInvokeConfig shows they suit the function",
            "EventInvokeConfig",
        )
    for config in configs:
        missing = [k for k in _ASYNC_DEFAULTS if ctx.value(config, k).absent]
        if missing:
            defaults = " and ".join(_ASYNC_DEFAULTS[k] for k in missing)
            return failed(
                f"{callers}; EventInvokeConfig {config.logical_id} leaves "
                f"{' and '.join(missing)} at the default ({defaults})",
                "EventInvokeConfig",
            )
    shown = configs[0]
    retries = ctx.value(shown, "MaximumRetryAttempts")
    age = ctx.value(shown, "MaximumEventAgeInSeconds")
    detail = "retries and event age set"
    if retries.known and age.known:
        tries = "no retries" if str(retries.value) == "0" else f"at most {retries.value} retries"
        detail = f"{tries}, events older than {age.value} s dropped"
    return passed(f"{callers}; EventInvokeConfig {shown.logical_id}: {detail}")


# --- timeout ---------------------------------------------------------------------------------


def _seconds(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _api_limit(invocation: Invocation, ctx: Context) -> float:
    """API Gateway's integration timeout, in seconds, on the path of ``invocation``."""
    source = ctx.graph.stack.resources.get(invocation.source)
    if source is None:
        return _REST_LIMIT
    millis = None
    api = source
    if source.type == "AWS::ApiGateway::Method":
        millis = ctx.value(source, "Integration.TimeoutInMillis")
    elif source.type == "AWS::ApiGatewayV2::Integration":
        millis = ctx.value(source, "TimeoutInMillis")
        api = ctx.resource(ctx.resolver.resolve(source.properties.get("ApiId"))) or source
    if millis is not None and millis.known and (given := _seconds(millis.value)) is not None:
        return given / 1000
    if api.type == "AWS::ApiGatewayV2::Api":
        protocol = ctx.value(api, "ProtocolType")
        # An API imported from an OpenAPI Body names no protocol and is always an HTTP API.
        if protocol.absent or protocol.value == "HTTP":
            return _HTTP_LIMIT
    return _REST_LIMIT


@check("lambda.timeout")
def timeout(fn: Resource, ctx: Context) -> Verdict:
    value = ctx.value(fn, "Timeout")
    if value.unknown:
        return unknown(f"the timeout is not known: {value.reason}", "Timeout")
    if value.absent:
        return failed(
            "no Timeout: Lambda stops the function after its default of 3 seconds, and "
            "nothing shows that suits its work",
            "Timeout",
        )
    seconds = _seconds(value.value)
    apis = [i for i in ctx.invocations(fn) if i.via.startswith("API Gateway")]
    if seconds is None or not apis:
        return passed(f"Timeout {value.value} s", "Timeout")
    limit, invocation = min(((_api_limit(i, ctx), i) for i in apis), key=lambda pair: pair[0])
    if seconds > limit:
        return failed(
            f"Timeout {value.value} s behind {invocation.describe()}, which gives up after "
            f"{limit:g} s: the client gets a 504 while the function runs on",
            "Timeout",
        )
    return passed(
        f"Timeout {value.value} s, within API Gateway's {limit:g}-second integration timeout",
        "Timeout",
    )
