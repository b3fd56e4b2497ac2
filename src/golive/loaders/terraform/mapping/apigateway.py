"""API Gateway REST APIs (v1): APIs, stages and method settings, methods and integrations,
deployments, authorizers, request validators, client certificates and usage plans.

Terraform splits two things CloudFormation keeps inside another resource:

- ``aws_api_gateway_method_settings`` is one entry of the stage's ``MethodSettings``. Its
  ``method_path`` is ``*/*`` for every method or ``<path>/<VERB>``; CloudFormation writes
  ``ResourcePath`` (``/*``, or the path with ``/`` encoded as ``~1``) and ``HttpMethod``.
  The provider's ``-1`` throttling limits mean "not set", so they stay absent.
- ``aws_api_gateway_integration`` is the method's ``Integration``; it names its method by
  ``http_method`` (usually ``aws_api_gateway_method.x.http_method``, a reference to it).

Both name their owner by one attribute. Where that attribute is written literally (a stage
name, a verb), the REST API and resource they also name must agree with the owner's: a
settings block of another API's ``prod`` stage is not this stage's.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from golive.loaders.terraform.mapping import (
    Mapped,
    append_entry,
    converts,
    get,
    merges,
    nested,
    put,
    renamed,
    renamed_block,
    tag_list,
)
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Reference, Unknown


def openapi_body(value: Any) -> Any:
    """An OpenAPI ``body``: ``jsonencode`` data, or JSON or YAML text (``yamlencode``)."""
    if not isinstance(value, str):
        return value
    if not value.strip():
        return ABSENT
    try:
        return json.loads(value)
    except ValueError:
        pass
    try:
        document = yaml.safe_load(value)
    except yaml.YAMLError:
        return Unknown("the API definition is neither JSON nor YAML")
    return document if isinstance(document, dict) else value


def _same_target(written: Any, owners: Any) -> bool:
    """Whether two values may name the same API or resource (False only when they cannot)."""
    if isinstance(written, Reference) and isinstance(owners, Reference):
        return written.logical_id == owners.logical_id
    if isinstance(written, str) and isinstance(owners, str):
        return written == owners
    return True


def _belongs(split: TfResource, owner: dict[str, Any], keys: dict[str, str]) -> bool:
    """The split resource's ``keys`` (Terraform -> owner property) agree with its owner."""
    return all(
        _same_target(get(split.attributes, tf_name), owner.get(cfn_name))
        for tf_name, cfn_name in keys.items()
    )


# -- REST APIs -----------------------------------------------------------------------------


@converts("aws_api_gateway_rest_api")
def rest_api(resource: TfResource) -> Mapped:
    """``aws_api_gateway_rest_api`` -> ``AWS::ApiGateway::RestApi`` (OpenAPI ``body`` read)."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "name": "Name",
            "description": "Description",
            "api_key_source": "ApiKeySourceType",
            "binary_media_types": "BinaryMediaTypes",
            "disable_execute_api_endpoint": "DisableExecuteApiEndpoint",
            "minimum_compression_size": "MinimumCompressionSize",
        },
    )
    put(props, "Body", openapi_body(get(attrs, "body")))
    put(props, "Policy", openapi_body(get(attrs, "policy")))
    put(
        props,
        "EndpointConfiguration",
        renamed_block(
            attrs,
            "endpoint_configuration",
            {"types": "Types", "vpc_endpoint_ids": "VpcEndpointIds"},
        ),
    )
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::ApiGateway::RestApi", props)


@converts("aws_api_gateway_stage")
def rest_stage(resource: TfResource) -> Mapped:
    """``aws_api_gateway_stage`` -> ``AWS::ApiGateway::Stage``; method settings by merger."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "rest_api_id": "RestApiId",
            "stage_name": "StageName",
            "deployment_id": "DeploymentId",
            "description": "Description",
            "cache_cluster_enabled": "CacheClusterEnabled",
            "cache_cluster_size": "CacheClusterSize",
            "client_certificate_id": "ClientCertificateId",
            "xray_tracing_enabled": "TracingEnabled",
            "variables": "Variables",
        },
    )
    put(
        props,
        "AccessLogSetting",
        renamed_block(
            attrs, "access_log_settings", {"destination_arn": "DestinationArn", "format": "Format"}
        ),
    )
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::ApiGateway::Stage", props)


def _unset(limit: Any) -> Any:
    """The provider's ``-1`` throttling limit means no limit: absent."""
    return ABSENT if limit in (-1, -1.0, "-1") else limit


def _method_path(path: Any) -> tuple[Any, Any]:
    """``method_path`` as CloudFormation's ``(ResourcePath, HttpMethod)``."""
    if not isinstance(path, str):
        reason = getattr(path, "reason", None) or "the method path is known only after apply"
        return Unknown(reason), Unknown(reason)
    resource, _, verb = path.rpartition("/")
    if resource in ("*", ""):
        return f"/{resource}", verb
    return "/" + resource.lstrip("/").replace("/", "~1"), verb


@merges(
    "aws_api_gateway_method_settings",
    into="aws_api_gateway_stage",
    via="stage_name",
    owner_keys=("stage_name",),
)
def method_settings(split: TfResource, owner: dict[str, Any]) -> None:
    """``aws_api_gateway_method_settings`` adds one entry to the stage's ``MethodSettings``."""
    if not _belongs(split, owner, {"rest_api_id": "RestApiId"}):
        return
    settings = nested(split.attributes, "settings")
    resource_path, verb = _method_path(get(split.attributes, "method_path"))
    entry: dict[str, Any] = {"ResourcePath": resource_path, "HttpMethod": verb}
    if isinstance(settings, Unknown):
        owner["MethodSettings"] = settings  # every setting of the stage is then in doubt
        return
    if settings is not None:
        entry.update(
            renamed(
                settings,
                {
                    "metrics_enabled": "MetricsEnabled",
                    "logging_level": "LoggingLevel",
                    "data_trace_enabled": "DataTraceEnabled",
                    "caching_enabled": "CachingEnabled",
                    "cache_ttl_in_seconds": "CacheTtlInSeconds",
                    "cache_data_encrypted": "CacheDataEncrypted",
                },
            )
        )
        for tf_name, cfn_name in (
            ("throttling_burst_limit", "ThrottlingBurstLimit"),
            ("throttling_rate_limit", "ThrottlingRateLimit"),
        ):
            put(entry, cfn_name, _unset(get(settings, tf_name)))
    append_entry(owner, "MethodSettings", entry)


@converts("aws_api_gateway_method")
def method(resource: TfResource) -> Mapped:
    """``aws_api_gateway_method`` -> ``AWS::ApiGateway::Method``; the integration by merger."""
    props = renamed(
        resource.attributes,
        {
            "rest_api_id": "RestApiId",
            "resource_id": "ResourceId",
            "http_method": "HttpMethod",
            "authorization": "AuthorizationType",
            "authorizer_id": "AuthorizerId",
            "authorization_scopes": "AuthorizationScopes",
            "api_key_required": "ApiKeyRequired",
            "operation_name": "OperationName",
            "request_models": "RequestModels",
            "request_parameters": "RequestParameters",
            "request_validator_id": "RequestValidatorId",
        },
    )
    return Mapped("AWS::ApiGateway::Method", props)


@merges(
    "aws_api_gateway_integration",
    into="aws_api_gateway_method",
    via="http_method",
    owner_keys=("http_method",),
)
def integration(split: TfResource, owner: dict[str, Any]) -> None:
    """``aws_api_gateway_integration`` becomes the method's ``Integration``."""
    if not _belongs(split, owner, {"rest_api_id": "RestApiId", "resource_id": "ResourceId"}):
        return
    owner["Integration"] = renamed(
        split.attributes,
        {
            "type": "Type",
            "integration_http_method": "IntegrationHttpMethod",
            "uri": "Uri",
            "connection_type": "ConnectionType",
            "connection_id": "ConnectionId",
            "credentials": "Credentials",
            "timeout_milliseconds": "TimeoutInMillis",
            "passthrough_behavior": "PassthroughBehavior",
            "content_handling": "ContentHandling",
            "request_templates": "RequestTemplates",
            "request_parameters": "RequestParameters",
            "cache_key_parameters": "CacheKeyParameters",
            "cache_namespace": "CacheNamespace",
        },
    )


@converts("aws_api_gateway_deployment")
def deployment(resource: TfResource) -> Mapped:
    """``aws_api_gateway_deployment`` -> ``AWS::ApiGateway::Deployment``."""
    props = renamed(
        resource.attributes,
        {"rest_api_id": "RestApiId", "description": "Description", "stage_name": "StageName"},
    )
    return Mapped("AWS::ApiGateway::Deployment", props)


@converts("aws_api_gateway_authorizer")
def rest_authorizer(resource: TfResource) -> Mapped:
    """``aws_api_gateway_authorizer`` -> ``AWS::ApiGateway::Authorizer``."""
    props = renamed(
        resource.attributes,
        {
            "rest_api_id": "RestApiId",
            "name": "Name",
            "type": "Type",
            "authorizer_uri": "AuthorizerUri",
            "authorizer_credentials": "AuthorizerCredentials",
            "identity_source": "IdentitySource",
            "identity_validation_expression": "IdentityValidationExpression",
            "authorizer_result_ttl_in_seconds": "AuthorizerResultTtlInSeconds",
            "provider_arns": "ProviderARNs",
        },
    )
    return Mapped("AWS::ApiGateway::Authorizer", props)


@converts("aws_api_gateway_request_validator")
def request_validator(resource: TfResource) -> Mapped:
    """``aws_api_gateway_request_validator`` -> ``AWS::ApiGateway::RequestValidator``."""
    props = renamed(
        resource.attributes,
        {
            "rest_api_id": "RestApiId",
            "name": "Name",
            "validate_request_body": "ValidateRequestBody",
            "validate_request_parameters": "ValidateRequestParameters",
        },
    )
    return Mapped("AWS::ApiGateway::RequestValidator", props)


@converts("aws_api_gateway_client_certificate")
def client_certificate(resource: TfResource) -> Mapped:
    """``aws_api_gateway_client_certificate`` -> ``AWS::ApiGateway::ClientCertificate``."""
    props = renamed(resource.attributes, {"description": "Description"})
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::ApiGateway::ClientCertificate", props)


_LIMITS = {"burst_limit": "BurstLimit", "rate_limit": "RateLimit"}


def _api_stage(stage: dict[str, Any]) -> dict[str, Any]:
    """One ``api_stages`` block; its per-method ``throttle`` blocks keyed by ``path``."""
    entry = renamed(stage, {"api_id": "ApiId", "stage": "Stage"})
    throttles = stage.get("throttle")
    if isinstance(throttles, Unknown):
        entry["Throttle"] = throttles
    elif isinstance(throttles, list):
        by_path = {
            t["path"]: renamed(t, _LIMITS)
            for t in throttles
            if isinstance(t, dict) and isinstance(t.get("path"), str)
        }
        put(entry, "Throttle", by_path or None)
    return entry


@converts("aws_api_gateway_usage_plan")
def usage_plan(resource: TfResource) -> Mapped:
    """``aws_api_gateway_usage_plan`` -> ``AWS::ApiGateway::UsagePlan`` (stages, throttling)."""
    attrs = resource.attributes
    props = renamed(attrs, {"name": "UsagePlanName", "description": "Description"})
    stages = attrs.get("api_stages")
    if isinstance(stages, Unknown):
        props["ApiStages"] = stages
    elif isinstance(stages, list):
        put(props, "ApiStages", [_api_stage(s) for s in stages if isinstance(s, dict)] or None)
    put(props, "Throttle", renamed_block(attrs, "throttle_settings", _LIMITS))
    put(
        props,
        "Quota",
        renamed_block(
            attrs, "quota_settings", {"limit": "Limit", "offset": "Offset", "period": "Period"}
        ),
    )
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::ApiGateway::UsagePlan", props)
