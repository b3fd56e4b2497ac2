"""Checks on Lambda functions (catalogue: ``catalog/lambda.yaml``)."""

from __future__ import annotations

import re
from typing import Any

from golive.alarms import Metric, describe, parts
from golive.checks.alarm_coverage import watched
from golive.checks.base import Verdict, check, failed, not_applicable, passed, required, unknown
from golive.checks.lambda_runtime import only_custom_resource_handler
from golive.checks.resource_policy import named
from golive.context import Context
from golive.invocations import Invocation, Mode
from golive.loggroups import LOG_GROUP, LogGroupIndex, function_names, log_group_index
from golive.model import Resource
from golive.values import Reference, Text, Unknown

FUNCTION = "AWS::Lambda::Function"
_MANAGED_KEY_MARKERS = ("alias/aws/",)
#: Environment variable names that suggest a network endpoint the function connects to.
_ENDPOINT_HINTS = (
    "DB",
    "DATABASE",
    "RDS",
    "REDIS",
    "CACHE",
    "MEMCACHED",
    "POSTGRES",
    "MYSQL",
    "AURORA",
    "OPENSEARCH",
    "ELASTICSEARCH",
    "KAFKA",
    "NEPTUNE",
    "HOST",
    "ENDPOINT",
)
#: Words that contain a hint but name a public AWS endpoint (DynamoDB's "DB").
_PUBLIC_ENDPOINT_WORDS = frozenset({"DYNAMODB", "DDB"})
_WORD = re.compile(r"[^A-Z0-9]+")


def _sources(invocations: list[Invocation]) -> str:
    names = sorted({i.describe() for i in invocations})
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


@check("lambda.reserved-concurrency")
def reserved_concurrency(fn: Resource, ctx: Context) -> Verdict:
    if only_custom_resource_handler(fn, ctx):
        return not_applicable(
            "a custom-resource handler only: CloudFormation invokes it a few times per stack "
            "operation, so it cannot run away with the account's concurrency"
        )
    limit = ctx.value(fn, "ReservedConcurrentExecutions")
    if limit.unknown:
        return unknown(
            f"reserved concurrency is not known: {limit.reason}", "ReservedConcurrentExecutions"
        )
    if limit.absent:
        return failed(
            "no reserved concurrency: the function can take the whole account's concurrency pool",
            "ReservedConcurrentExecutions",
        )
    return passed(f"reserved concurrency is {limit.value}", "ReservedConcurrentExecutions")


def _has_failure_destination(fn: Resource, ctx: Context) -> str | None:
    """The DLQ or on-failure destination of ``fn``, described, when it has one."""
    target = ctx.value(fn, "DeadLetterConfig.TargetArn")
    if not target.absent:
        return "a dead-letter queue (DeadLetterConfig)"
    for config in ctx.referrers(fn, "AWS::Lambda::EventInvokeConfig"):
        destination = ctx.value(config, "DestinationConfig.OnFailure.Destination")
        if not destination.absent:
            return f"an on-failure destination (EventInvokeConfig {config.logical_id})"
    return None


@check("lambda.dead-letter-queue")
def dead_letter_queue(fn: Resource, ctx: Context) -> Verdict:
    invocations = ctx.invocations(fn)
    asynchronous = [i for i in invocations if i.mode is Mode.ASYNC]
    destination = _has_failure_destination(fn, ctx)
    if asynchronous:
        if destination:
            return passed(
                f"invoked asynchronously by {_sources(asynchronous)}; failures go to {destination}"
            )
        return failed(
            f"invoked asynchronously by {_sources(asynchronous)}, with no dead-letter queue "
            "or on-failure destination: events that fail every retry are lost",
            "DeadLetterConfig",
        )
    if destination:
        return passed(f"failures go to {destination}")
    undetermined = [i for i in invocations if i.mode is Mode.UNKNOWN]
    if undetermined:
        return unknown(
            f"may be invoked asynchronously by {_sources(undetermined)}; the template "
            "does not show the invocation mode",
            "DeadLetterConfig",
        )
    polled = [i for i in invocations if i.mode is Mode.POLL]
    synchronous = [i for i in invocations if i.mode is Mode.SYNC]
    if synchronous or polled:
        parts = []
        if synchronous:
            parts.append(
                f"invoked synchronously by {_sources(synchronous)}, whose callers receive the error"
            )
        if polled:
            parts.append(
                f"polls {_sources(polled)}, whose failed records stay with the source "
                "(give a queue a redrive policy)"
            )
        return not_applicable("; ".join(parts) + ": a DLQ would never receive events")
    if any(i.mode is Mode.CUSTOM_RESOURCE for i in invocations):
        return not_applicable(
            "a CloudFormation custom-resource handler: a failure fails the stack "
            "operation, where it is seen; a DLQ would only hold a request "
            "CloudFormation has already given up on"
        )
    return unknown(
        "nothing in this template invokes the function; if something outside invokes it "
        "asynchronously it needs a DLQ or an on-failure destination",
        "DeadLetterConfig",
    )


@check("lambda.vpc")
def vpc(fn: Resource, ctx: Context) -> Verdict:
    subnets = ctx.value(fn, "VpcConfig.SubnetIds")
    if subnets.known and subnets.value:
        return passed("runs in a VPC (VpcConfig)", "VpcConfig")
    reach = ctx.vpc_reach(fn)
    if subnets.unknown:
        return unknown(
            f"whether the function runs in a VPC is not known: {subnets.reason}", "VpcConfig"
        )
    connections = [r for r in reach if r.certain]
    if connections:
        names = "; ".join(r.describe() for r in connections[:3])
        return failed(f"reaches VPC-only resources without VpcConfig: {names}", "VpcConfig")
    if reach:
        names = "; ".join(r.describe() for r in reach[:3])
        return unknown(
            f"names VPC-only resources without an endpoint or credentials: {names}; if its "
            "code connects to them it needs VpcConfig",
            "VpcConfig",
        )
    hint = _external_endpoint(fn, ctx)
    if hint:
        return unknown(hint, "VpcConfig")
    return not_applicable(
        "reaches no VPC-only resource in this template (databases, caches, "
        "file systems, private search domains); public AWS endpoints need no VPC"
    )


def _external_endpoint(fn: Resource, ctx: Context) -> str | None:
    """An environment variable that names an endpoint from outside the template."""
    variables = ctx.value(fn, "Environment.Variables")
    if not variables.known or not isinstance(variables.value, dict):
        return None
    for name, value in sorted(variables.value.items()):
        if not _names_endpoint(name):
            continue
        if isinstance(value, Text) or (not isinstance(value, (str, int, float, Reference))):
            reason = getattr(value, "reason", "it comes from outside the template")
            return (
                f"environment variable {name} names an endpoint known only at deployment "
                f"({reason}); if it is a VPC-only resource the function needs VpcConfig"
            )
    return None


def _names_endpoint(variable: str) -> bool:
    """A hint begins or ends a word of the name: DB_HOST, PGHOST, REDIS_URL, not FEEDBACK_QUEUE.

    Names of credentials and settings (DB_PASSWORD, DB_USER, DB_NAME) locate nothing.
    """
    words = [w for w in _WORD.split(variable.upper()) if w and w not in _PUBLIC_ENDPOINT_WORDS]
    if any(w in _NOT_A_LOCATION for w in words):
        return False
    return any(w.startswith(hint) or w.endswith(hint) for w in words for hint in _ENDPOINT_HINTS)


#: Words that make a variable a credential or setting rather than an address.
_NOT_A_LOCATION = frozenset(
    {"PASSWORD", "PASS", "PWD", "USER", "USERNAME", "SECRET", "NAME", "TABLE", "KEY", "TIMEOUT"}
)


@check("lambda.environment-encryption")
def environment_encryption(fn: Resource, ctx: Context) -> Verdict:
    variables = ctx.value(fn, "Environment.Variables")
    if variables.unknown:
        return unknown(f"the environment is not known: {variables.reason}", "Environment")
    if variables.absent or not variables.value:
        return not_applicable("no environment variables to encrypt")
    count = len(variables.value)
    variables_text = f"{count} environment variable{'' if count == 1 else 's'}"
    # An AWS-managed alias is recognisable even inside a Fn::Sub with unknown parts.
    raw = ctx.resolver.resolve(fn.properties.get("KmsKeyArn"))
    literal = raw.literal("*") if isinstance(raw, Text) else raw
    if isinstance(literal, str) and any(m in literal for m in _MANAGED_KEY_MARKERS):
        return failed(
            f"KmsKeyArn {literal} is an AWS-managed key, not a customer-managed one", "KmsKeyArn"
        )
    return required(
        named(fn, ctx, "KmsKeyArn"),
        "KmsKeyArn",
        what=f"{variables_text}; the key",
        present=f"{variables_text} encrypted with a customer-managed key",
        missing=f"{variables_text} encrypted only with the AWS-managed key",
    )


@check("lambda.code-signing")
def code_signing(fn: Resource, ctx: Context) -> Verdict:
    package = ctx.value(fn, "PackageType")
    if package.known and package.value == "Image":
        return not_applicable(
            "a container image function: Lambda code signing covers .zip "
            "packages only; sign and verify the image in ECR instead"
        )
    inline = ctx.value(fn, "Code.ZipFile")
    if not inline.absent:
        return not_applicable(
            "inline code (Code.ZipFile) cannot be signed; the template itself is its provenance"
        )
    return required(
        ctx.value(fn, "CodeSigningConfigArn"),
        "CodeSigningConfigArn",
        what="the code-signing configuration",
        present="validates code signatures (CodeSigningConfigArn)",
        missing="no code-signing configuration: any code package is accepted",
    )


@check("lambda.error-alarm")
def error_alarm(fn: Resource, ctx: Context) -> Verdict:
    exempt = _alarm_exemption(fn, ctx)
    if exempt is not None:
        return exempt
    return watched(
        ctx,
        [_function_metric(fn, ctx, "Errors")],
        "errors",
        "no CloudWatch alarm watches the function's Errors metric: failures go unnoticed "
        "until someone looks",
    )


@check("lambda.throttle-alarm")
def throttle_alarm(fn: Resource, ctx: Context) -> Verdict:
    exempt = _alarm_exemption(fn, ctx)
    if exempt is not None:
        return exempt
    return watched(
        ctx,
        [_function_metric(fn, ctx, "Throttles")],
        "throttles",
        "no CloudWatch alarm watches the function's Throttles metric: rejected invocations "
        "go unnoticed",
    )


def _alarm_exemption(fn: Resource, ctx: Context) -> Verdict | None:
    """Functions whose Lambda metrics are not where an alarm of the stack would watch."""
    invocations = ctx.invocations(fn)
    if only_custom_resource_handler(fn, ctx):
        return not_applicable("a custom-resource handler only: its errors fail the stack operation")
    if invocations and all(i.via.startswith("CloudFormation macro") for i in invocations):
        return not_applicable(
            "a CloudFormation macro only: its errors fail the template's processing, where "
            "the deployer sees them"
        )
    edge = [i for i in invocations if i.via == "CloudFront Lambda@Edge"]
    if edge:
        # NOTE: Lambda@Edge reports metrics in each region that runs a replica, not in the
        # stack's region; CloudFront's own Lambda@Edge error metrics cover all of them.
        return not_applicable(
            "a Lambda@Edge function: its metrics appear in every region that runs it; alarm "
            "on CloudFront's Lambda@Edge error metrics instead"
        )
    return None


def _function_metric(fn: Resource, ctx: Context, name: str) -> Metric:
    """AWS/Lambda ``name`` of ``fn``; an alarm on every function's metric covers it too."""
    names = function_names(fn, ctx.resolver)
    return Metric("AWS/Lambda", frozenset({name}), {"FunctionName": names}, account_wide=True)


@check("lambda.log-group")
def log_group(fn: Resource, ctx: Context) -> Verdict:
    edge = [i for i in ctx.invocations(fn) if i.via == "CloudFront Lambda@Edge"]
    if edge:
        return not_applicable(
            f"a Lambda@Edge function ({_sources(edge)}): it logs to a group in each region "
            "that serves it, which one regional stack cannot create"
        )
    index = log_group_index(ctx.graph, ctx.facts.resolver)
    config = ctx.resolver.resolve(fn.properties.get("LoggingConfig"))
    configured = config.get("LogGroup") if isinstance(config, dict) else None
    if configured is not None:
        return _configured_group(configured, index, ctx)
    names = function_names(fn, ctx.resolver)
    groups = sorted({g for name in names for g in index.by_function_name.get(name, ())})
    if groups:
        return passed(f"logs to {describe(groups)}, declared as /aws/lambda/<function name>")
    if index.open:
        group, reason = index.open[0]
        return unknown(f"log group {group} may be the function's: its name is not known ({reason})")
    if index.unclaimed and any(isinstance(p, Unknown) for name in names for p in name):
        return unknown(
            f"the function's name is known only at deployment; log group "
            f"{describe(index.unclaimed)} may be its",
            "FunctionName",
        )
    return failed(
        "no log group /aws/lambda/<function name> in the stack: Lambda creates one on first "
        "invocation that keeps logs forever, without a key of yours",
        "LoggingConfig",
    )


def _configured_group(configured: Any, index: LogGroupIndex, ctx: Context) -> Verdict:
    at = "LoggingConfig.LogGroup"
    if isinstance(configured, Reference):
        target = ctx.graph.stack.resources.get(configured.logical_id)
        if target is not None and target.type == LOG_GROUP:
            return passed(f"logs to {configured.logical_id} (LoggingConfig.LogGroup)", at)
    name = parts(configured)
    if name is not None and index.by_name.get(name):
        return passed(f"logs to {describe(index.by_name[name])} (LoggingConfig.LogGroup)", at)
    shown = configured if isinstance(configured, str) else "named at deployment"
    return unknown(
        f"logs to a group ({shown}) this stack does not declare: if nothing else creates "
        "it, Lambda does, without retention",
        at,
    )
