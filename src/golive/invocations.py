"""How each Lambda function of a stack is invoked, and by what.

Lambda behaves differently per invocation mode, and so do the practices around it: a
dead-letter queue only ever receives events from asynchronous invocations; a polled
function's failures go back to its queue or stream; a synchronous caller sees the error
itself. Each source type below names where in its properties it points at a function and
in which mode it invokes it. The table is data: adding a source is one entry.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

from golive.graph import Graph, references_in
from golive.model import Resource
from golive.resolver import Resolver
from golive.values import Reference, Text, node_at

FUNCTION = "AWS::Lambda::Function"


class Mode(str, Enum):
    """Lambda invocation modes, as AWS documents them, plus two golive needs."""

    SYNC = "synchronous"
    ASYNC = "asynchronous"
    POLL = "polling"
    #: CloudFormation itself, sending custom-resource lifecycle events.
    CUSTOM_RESOURCE = "custom-resource"
    #: Something may invoke the function, but not in a mode the template shows.
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Invocation:
    """``source`` (a logical id) invokes a function in ``mode``; ``via`` names the service."""

    mode: Mode
    source: str
    via: str

    def describe(self) -> str:
        return f"{self.via} {self.source}"


#: Lambda::Permission principals, by the mode their service invokes in.
_PRINCIPALS: dict[str, tuple[Mode, str]] = {
    "apigateway.amazonaws.com": (Mode.SYNC, "API Gateway"),
    "elasticloadbalancing.amazonaws.com": (Mode.SYNC, "load balancer"),
    "cognito-idp.amazonaws.com": (Mode.SYNC, "Cognito user pool"),
    "lex.amazonaws.com": (Mode.SYNC, "Lex bot"),
    "connect.amazonaws.com": (Mode.SYNC, "Amazon Connect"),
    "alexa-appkit.amazon.com": (Mode.SYNC, "Alexa skill"),
    "secretsmanager.amazonaws.com": (Mode.SYNC, "Secrets Manager rotation"),
    "s3.amazonaws.com": (Mode.ASYNC, "S3 bucket"),
    "sns.amazonaws.com": (Mode.ASYNC, "SNS topic"),
    "events.amazonaws.com": (Mode.ASYNC, "EventBridge rule"),
    "logs.amazonaws.com": (Mode.ASYNC, "CloudWatch Logs subscription"),
    "iot.amazonaws.com": (Mode.ASYNC, "IoT rule"),
    "ses.amazonaws.com": (Mode.ASYNC, "SES receipt rule"),
    "config.amazonaws.com": (Mode.ASYNC, "AWS Config rule"),
    "lambda.alarms.cloudwatch.amazonaws.com": (Mode.ASYNC, "CloudWatch alarm"),
    "codecommit.amazonaws.com": (Mode.ASYNC, "CodeCommit trigger"),
    "cloudformation.amazonaws.com": (Mode.SYNC, "CloudFormation macro or hook"),
}

#: Poll-based event sources, named by the type of the resource they read from.
_POLLED: dict[str, str] = {
    "AWS::SQS::Queue": "SQS queue",
    "AWS::Kinesis::Stream": "Kinesis stream",
    "AWS::DynamoDB::Table": "DynamoDB stream of",
    "AWS::MSK::Cluster": "MSK cluster",
    "AWS::MSK::ServerlessCluster": "MSK cluster",
    "AWS::AmazonMQ::Broker": "Amazon MQ broker",
    "AWS::DocDB::DBCluster": "DocumentDB change stream of",
}

Finder = Callable[[Resource, Resolver], Iterator[tuple[Any, Mode, str]]]


def _each(items: Any) -> list[Any]:
    return items if isinstance(items, list) else []


def _permission(resource: Resource, resolver: Resolver) -> Iterator[tuple[Any, Mode, str]]:
    action = resolver.resolve(resource.properties.get("Action"))
    if action == "lambda:InvokeFunctionUrl" or resource.properties.get("InvokedViaFunctionUrl"):
        # Function URLs invoke synchronously, whoever the principal is.
        yield resource.properties.get("FunctionName"), Mode.SYNC, "function URL permission"
        return
    principal = resolver.resolve(resource.properties.get("Principal"))
    if isinstance(principal, Text):
        principal = principal.literal("")
    if not isinstance(principal, str):
        yield (
            resource.properties.get("FunctionName"),
            Mode.UNKNOWN,
            "permission for a computed principal",
        )
        return
    name = principal.lower()
    if name.startswith("logs.") and name.endswith(".amazonaws.com"):
        name = "logs.amazonaws.com"
    mode, via = _PRINCIPALS.get(name, (Mode.UNKNOWN, f"permission for {principal}"))
    yield resource.properties.get("FunctionName"), mode, via


def _s3(resource: Resource, _: Resolver) -> Iterator[tuple[Any, Mode, str]]:
    config = node_at(resource.properties, "NotificationConfiguration", "LambdaConfigurations")
    for item in _each(config):
        yield node_at(item, "Function"), Mode.ASYNC, "S3 bucket"


def _sns_subscription(resource: Resource, resolver: Resolver) -> Iterator[tuple[Any, Mode, str]]:
    if resolver.resolve(resource.properties.get("Protocol")) == "lambda":
        yield resource.properties.get("Endpoint"), Mode.ASYNC, "SNS subscription"


def _sns_topic(resource: Resource, resolver: Resolver) -> Iterator[tuple[Any, Mode, str]]:
    for item in _each(resource.properties.get("Subscription")):
        if isinstance(item, dict) and resolver.resolve(item.get("Protocol")) == "lambda":
            yield item.get("Endpoint"), Mode.ASYNC, "SNS topic"


def _event_rule(resource: Resource, _: Resolver) -> Iterator[tuple[Any, Mode, str]]:
    for target in _each(resource.properties.get("Targets")):
        yield node_at(target, "Arn"), Mode.ASYNC, "EventBridge rule"


def _pipe(resource: Resource, resolver: Resolver) -> Iterator[tuple[Any, Mode, str]]:
    kind = resolver.resolve(
        node_at(
            resource.properties, "TargetParameters", "LambdaFunctionParameters", "InvocationType"
        )
    )
    mode = Mode.ASYNC if kind == "FIRE_AND_FORGET" else Mode.SYNC
    yield resource.properties.get("Target"), mode, "EventBridge pipe"


def _ses_rule(resource: Resource, resolver: Resolver) -> Iterator[tuple[Any, Mode, str]]:
    for action in _each(node_at(resource.properties, "Rule", "Actions")):
        lambda_action = node_at(action, "LambdaAction")
        if isinstance(lambda_action, dict):
            kind = resolver.resolve(lambda_action.get("InvocationType"))
            mode = Mode.SYNC if kind == "RequestResponse" else Mode.ASYNC
            yield lambda_action.get("FunctionArn"), mode, "SES receipt rule"


def _iot_rule(resource: Resource, _: Resolver) -> Iterator[tuple[Any, Mode, str]]:
    payload = node_at(resource.properties, "TopicRulePayload")
    actions = [*_each(node_at(payload, "Actions")), node_at(payload, "ErrorAction")]
    for action in actions:
        yield node_at(action, "Lambda", "FunctionArn"), Mode.ASYNC, "IoT rule"


def _whole(mode: Mode, via: str, *keys: str) -> Finder:
    """A source whose listed properties (or all of them) may point at functions."""

    def find(resource: Resource, _: Resolver) -> Iterator[tuple[Any, Mode, str]]:
        if not keys:
            yield resource.properties, mode, via
        for key in keys:
            yield resource.properties.get(key), mode, via

    return find


def _pipeline(resource: Resource, _: Resolver) -> Iterator[tuple[Any, Mode, str]]:
    for stage in _each(resource.properties.get("Stages")):
        for action in _each(node_at(stage, "Actions")):
            if node_at(action, "ActionTypeId", "Provider") == "Lambda":
                yield node_at(action, "Configuration"), Mode.ASYNC, "CodePipeline action"


_IAM_TYPES = frozenset({"AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"})


def _policy_documents(resource: Resource) -> Iterator[Any]:
    if resource.type == "AWS::IAM::Role":
        for policy in _each(resource.properties.get("Policies")):
            yield node_at(policy, "PolicyDocument")
    else:
        yield resource.properties.get("PolicyDocument")


#: Services that invoke functions with the permissions of a role they assume.
_ROLE_SERVICES: dict[str, tuple[Mode, str]] = {
    "scheduler.amazonaws.com": (Mode.ASYNC, "EventBridge Scheduler role"),
    "events.amazonaws.com": (Mode.ASYNC, "EventBridge role"),
    "iot.amazonaws.com": (Mode.ASYNC, "IoT role"),
    "states.amazonaws.com": (Mode.SYNC, "Step Functions role"),
    "apigateway.amazonaws.com": (Mode.SYNC, "API Gateway role"),
    "appsync.amazonaws.com": (Mode.SYNC, "AppSync role"),
    "firehose.amazonaws.com": (Mode.SYNC, "Firehose role"),
}


def _role_invoker(role: Resource, resolver: Resolver) -> tuple[Mode, str]:
    """How code running under ``role`` invokes: known for roles only one service assumes."""
    trust = resolver.resolve(role.properties.get("AssumeRolePolicyDocument"))
    statements = trust.get("Statement") if isinstance(trust, dict) else None
    services: set[str] = set()
    for statement in statements if isinstance(statements, list) else [statements]:
        principal = statement.get("Principal") if isinstance(statement, dict) else None
        if not isinstance(principal, dict) or set(principal) != {"Service"}:
            return Mode.UNKNOWN, "code running as role"
        names = principal["Service"]
        services.update(
            n for n in (names if isinstance(names, list) else [names]) if isinstance(n, str)
        )
    if len(services) == 1 and (service := services.pop()) in _ROLE_SERVICES:
        return _ROLE_SERVICES[service]
    return Mode.UNKNOWN, "code running as role"


def _policy_invoker(policy: Resource, resolver: Resolver) -> tuple[Mode, str]:
    """A policy attached to roles invokes as they do, when they all agree on one mode."""
    roles = resolver.resolve(policy.properties.get("Roles"))
    modes = set()
    for role in roles if isinstance(roles, list) else []:
        resource = (
            resolver.stack.resources.get(role.logical_id) if isinstance(role, Reference) else None
        )
        if resource is None or resource.type != "AWS::IAM::Role":
            return Mode.UNKNOWN, "code allowed by IAM policy"
        modes.add(_role_invoker(resource, resolver))
    return modes.pop() if len(modes) == 1 else (Mode.UNKNOWN, "code allowed by IAM policy")


def _invoke_policy(resource: Resource, resolver: Resolver) -> Iterator[tuple[Any, Mode, str]]:
    """Whoever runs under this role may call lambda:InvokeFunction; the mode is the caller's."""
    if resource.type == "AWS::IAM::Role":
        mode, via = _role_invoker(resource, resolver)
    else:
        mode, via = _policy_invoker(resource, resolver)
    for document in _policy_documents(resource):
        statements = node_at(document, "Statement")
        for statement in statements if isinstance(statements, list) else [statements]:
            if not isinstance(statement, dict) or statement.get("Effect") != "Allow":
                continue
            actions = resolver.resolve(statement.get("Action"))
            actions = actions if isinstance(actions, list) else [actions]
            if any(
                a in ("*", "lambda:*", "lambda:InvokeFunction", "lambda:Invoke*") for a in actions
            ):
                yield statement.get("Resource"), mode, via


#: Source type -> how to find the functions it invokes.
SOURCES: dict[str, Finder] = {
    "AWS::Lambda::Permission": _permission,
    "AWS::S3::Bucket": _s3,
    "AWS::SNS::Subscription": _sns_subscription,
    "AWS::SNS::Topic": _sns_topic,
    "AWS::Events::Rule": _event_rule,
    "AWS::Scheduler::Schedule": _whole(Mode.ASYNC, "EventBridge schedule", "Target"),
    "AWS::Pipes::Pipe": _pipe,
    "AWS::Logs::SubscriptionFilter": _whole(
        Mode.ASYNC, "CloudWatch Logs subscription", "DestinationArn"
    ),
    "AWS::IoT::TopicRule": _iot_rule,
    "AWS::SES::ReceiptRule": _ses_rule,
    "AWS::Config::ConfigRule": _whole(Mode.ASYNC, "AWS Config rule", "Source"),
    "AWS::CodePipeline::Pipeline": _pipeline,
    "AWS::ApiGateway::Method": _whole(Mode.SYNC, "API Gateway method", "Integration"),
    "AWS::ApiGateway::RestApi": _whole(Mode.SYNC, "API Gateway REST API", "Body"),
    "AWS::ApiGateway::Authorizer": _whole(Mode.SYNC, "API Gateway authorizer", "AuthorizerUri"),
    "AWS::ApiGatewayV2::Integration": _whole(
        Mode.SYNC, "API Gateway integration", "IntegrationUri"
    ),
    "AWS::ApiGatewayV2::Api": _whole(Mode.SYNC, "API Gateway HTTP API", "Body", "Target"),
    "AWS::ApiGatewayV2::Authorizer": _whole(Mode.SYNC, "API Gateway authorizer", "AuthorizerUri"),
    "AWS::ElasticLoadBalancingV2::TargetGroup": _whole(
        Mode.SYNC, "load balancer target group", "Targets"
    ),
    "AWS::Cognito::UserPool": _whole(Mode.SYNC, "Cognito user pool", "LambdaConfig"),
    "AWS::Lambda::Url": _whole(Mode.SYNC, "function URL", "TargetFunctionArn"),
    "AWS::AppSync::DataSource": _whole(Mode.SYNC, "AppSync data source", "LambdaConfig"),
    "AWS::AppSync::GraphQLApi": _whole(Mode.SYNC, "AppSync authorizer", "LambdaAuthorizerConfig"),
    "AWS::StepFunctions::StateMachine": _whole(
        Mode.SYNC,
        "Step Functions state machine",
        "Definition",
        "DefinitionString",
        "DefinitionSubstitutions",
    ),
    "AWS::CloudFront::Distribution": _whole(
        Mode.SYNC, "CloudFront Lambda@Edge", "DistributionConfig"
    ),
    "AWS::KinesisFirehose::DeliveryStream": _whole(Mode.SYNC, "Firehose transformation"),
    "AWS::CloudWatch::Alarm": _whole(
        Mode.ASYNC, "CloudWatch alarm", "AlarmActions", "OKActions", "InsufficientDataActions"
    ),
    "AWS::CloudFormation::Macro": _whole(Mode.SYNC, "CloudFormation macro", "FunctionName"),
    "AWS::IAM::Role": _invoke_policy,
    "AWS::IAM::Policy": _invoke_policy,
    "AWS::IAM::ManagedPolicy": _invoke_policy,
}


def function_of(graph: Graph, logical_id: str) -> str | None:
    """The function a reference ends at: functions themselves, aliases and versions."""
    resource = graph.stack.resources.get(logical_id)
    if resource is None:
        return None
    if resource.type == FUNCTION:
        return logical_id
    if resource.type in ("AWS::Lambda::Alias", "AWS::Lambda::Version"):
        for target, _, _ in references_in(
            resource.properties.get("FunctionName"), graph.stack.resources
        ):
            if graph.stack.resources[target].type == FUNCTION:
                return target
            return function_of(graph, target)
    return None


def functions_in(graph: Graph, node: Any) -> set[str]:
    """Functions referenced anywhere inside ``node``."""
    found = set()
    for target, _, _ in references_in(node, graph.stack.resources):
        function = function_of(graph, target)
        if function is not None:
            found.add(function)
    return found


def build_invocations(graph: Graph, resolver: Resolver) -> dict[str, list[Invocation]]:
    """Every function's invokers, in a deterministic order."""
    found: dict[str, set[Invocation]] = defaultdict(set)
    granted: dict[str, set[Invocation]] = defaultdict(set)
    for resource in graph.stack.resources.values():
        finder = SOURCES.get(resource.type)
        if finder is not None:
            is_permission = resource.type == "AWS::Lambda::Permission"
            source = _named_source(resource, graph) if is_permission else resource.logical_id
            into = granted if is_permission or resource.type in _IAM_TYPES else found
            for node, mode, via in finder(resource, resolver):
                for function in functions_in(graph, node):
                    into[function].add(Invocation(mode, source, via))
        elif resource.type == "AWS::Lambda::EventSourceMapping":
            _add_polled(resource, graph, found)
        elif resource.type.startswith(("Custom::", "AWS::CloudFormation::CustomResource")):
            for function in functions_in(graph, resource.properties.get("ServiceToken")):
                invocation = Invocation(
                    Mode.CUSTOM_RESOURCE, resource.logical_id, "custom resource"
                )
                found[function].add(invocation)
    # A permission or an IAM grant only allows. When a source is already seen invoking in the
    # grant's mode (a bucket notification beside its s3.amazonaws.com permission, a schedule
    # beside the role it assumes), the grant adds nothing.
    for function, permissions in granted.items():
        modes = {i.mode for i in found.get(function, ())}
        found[function].update(p for p in permissions if p.mode not in modes)
    return {
        fn: sorted(items, key=lambda i: (i.mode.value, i.source, i.via))
        for fn, items in found.items()
    }


def _named_source(permission: Resource, graph: Graph) -> str:
    """A permission's real source is the resource its SourceArn names, when it names one."""
    for target, _, _ in references_in(
        permission.properties.get("SourceArn"), graph.stack.resources
    ):
        return target
    return permission.logical_id


def _add_polled(mapping: Resource, graph: Graph, found: dict[str, set[Invocation]]) -> None:
    via = "event source mapping"
    source = mapping.logical_id
    for target, _, _ in references_in(
        mapping.properties.get("EventSourceArn"), graph.stack.resources
    ):
        kind = graph.stack.resources[target].type
        via = _POLLED.get(kind, via)
        source = target
    for function in functions_in(graph, mapping.properties.get("FunctionName")):
        found[function].add(Invocation(Mode.POLL, source, via))
