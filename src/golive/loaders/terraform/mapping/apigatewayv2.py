"""API Gateway HTTP and WebSocket APIs (v2): APIs, stages, routes, integrations, authorizers.

Each Terraform type is one CloudFormation type with the same shape, but for two details:
``route_settings`` blocks become the stage's ``RouteSettings`` map keyed by route key, and
tags are a map, as CloudFormation's v2 types keep them. An API with ``target`` is a quick
create: API Gateway makes its default route, integration and stage itself.
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    converts,
    get,
    put,
    renamed,
    renamed_block,
    tag_map,
)
from golive.loaders.terraform.mapping.apigateway import openapi_body
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Reference, Unknown


@converts("aws_apigatewayv2_api")
def api(resource: TfResource) -> Mapped:
    """``aws_apigatewayv2_api`` -> ``AWS::ApiGatewayV2::Api`` (``target``: quick create)."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "name": "Name",
            "protocol_type": "ProtocolType",
            "description": "Description",
            "target": "Target",
            "route_key": "RouteKey",
            "credentials_arn": "CredentialsArn",
            "route_selection_expression": "RouteSelectionExpression",
            "api_key_selection_expression": "ApiKeySelectionExpression",
            "disable_execute_api_endpoint": "DisableExecuteApiEndpoint",
            "version": "Version",
        },
    )
    put(props, "Body", openapi_body(get(attrs, "body")))
    put(
        props,
        "CorsConfiguration",
        renamed_block(
            attrs,
            "cors_configuration",
            {
                "allow_credentials": "AllowCredentials",
                "allow_headers": "AllowHeaders",
                "allow_methods": "AllowMethods",
                "allow_origins": "AllowOrigins",
                "expose_headers": "ExposeHeaders",
                "max_age": "MaxAge",
            },
        ),
    )
    put(props, "Tags", tag_map(resource))
    return Mapped("AWS::ApiGatewayV2::Api", props)


_ROUTE_SETTINGS = {
    "data_trace_enabled": "DataTraceEnabled",
    "detailed_metrics_enabled": "DetailedMetricsEnabled",
    "logging_level": "LoggingLevel",
    "throttling_burst_limit": "ThrottlingBurstLimit",
    "throttling_rate_limit": "ThrottlingRateLimit",
}


def _route_settings(attributes: Any) -> Any:
    """``route_settings`` blocks as CloudFormation's map keyed by route key."""
    value = attributes.get("route_settings")
    if isinstance(value, (Unknown, Reference)):
        return Unknown("the route settings are known only after apply")
    items = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
    found: dict[str, Any] = {}
    for item in items:
        key = get(item, "route_key") if isinstance(item, dict) else ABSENT
        if not isinstance(key, str):
            return Unknown("a route key of the route settings is known only after apply")
        found[key] = renamed(item, _ROUTE_SETTINGS)
    return found or None


def _default_route_settings(attributes: Any) -> Any:
    """``default_route_settings``, with the provider's limits of 0 where none are written.

    NOTE: unlike CloudFormation, the provider sends throttling limits of 0 for a
    ``default_route_settings`` block that sets neither (hashicorp/terraform-provider-aws
    issue 27674, documented in pull request 43307): API Gateway then refuses every request
    with 429. The limits are written out so checks see what the stage will do.
    """
    settings = renamed_block(attributes, "default_route_settings", _ROUTE_SETTINGS)
    if isinstance(settings, dict):
        settings.setdefault("ThrottlingBurstLimit", 0)
        settings.setdefault("ThrottlingRateLimit", 0)
    return settings


@converts("aws_apigatewayv2_stage")
def stage(resource: TfResource) -> Mapped:
    """``aws_apigatewayv2_stage`` -> ``AWS::ApiGatewayV2::Stage``."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "api_id": "ApiId",
            "name": "StageName",
            "auto_deploy": "AutoDeploy",
            "deployment_id": "DeploymentId",
            "description": "Description",
            "client_certificate_id": "ClientCertificateId",
            "stage_variables": "StageVariables",
        },
    )
    put(
        props,
        "AccessLogSettings",
        renamed_block(
            attrs, "access_log_settings", {"destination_arn": "DestinationArn", "format": "Format"}
        ),
    )
    put(props, "DefaultRouteSettings", _default_route_settings(attrs))
    put(props, "RouteSettings", _route_settings(attrs))
    put(props, "Tags", tag_map(resource))
    return Mapped("AWS::ApiGatewayV2::Stage", props)


@converts("aws_apigatewayv2_route")
def route(resource: TfResource) -> Mapped:
    """``aws_apigatewayv2_route`` -> ``AWS::ApiGatewayV2::Route``."""
    props = renamed(
        resource.attributes,
        {
            "api_id": "ApiId",
            "route_key": "RouteKey",
            "authorization_type": "AuthorizationType",
            "authorizer_id": "AuthorizerId",
            "authorization_scopes": "AuthorizationScopes",
            "api_key_required": "ApiKeyRequired",
            "operation_name": "OperationName",
            "target": "Target",
            "request_models": "RequestModels",
            "model_selection_expression": "ModelSelectionExpression",
            "route_response_selection_expression": "RouteResponseSelectionExpression",
        },
    )
    return Mapped("AWS::ApiGatewayV2::Route", props)


@converts("aws_apigatewayv2_integration")
def api_integration(resource: TfResource) -> Mapped:
    """``aws_apigatewayv2_integration`` -> ``AWS::ApiGatewayV2::Integration``."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "api_id": "ApiId",
            "integration_type": "IntegrationType",
            "integration_subtype": "IntegrationSubtype",
            "integration_uri": "IntegrationUri",
            "integration_method": "IntegrationMethod",
            "connection_type": "ConnectionType",
            "connection_id": "ConnectionId",
            "credentials_arn": "CredentialsArn",
            "description": "Description",
            "payload_format_version": "PayloadFormatVersion",
            "timeout_milliseconds": "TimeoutInMillis",
            "passthrough_behavior": "PassthroughBehavior",
            "request_parameters": "RequestParameters",
            "request_templates": "RequestTemplates",
            "template_selection_expression": "TemplateSelectionExpression",
            "content_handling_strategy": "ContentHandlingStrategy",
        },
    )
    put(
        props,
        "TlsConfig",
        renamed_block(attrs, "tls_config", {"server_name_to_verify": "ServerNameToVerify"}),
    )
    return Mapped("AWS::ApiGatewayV2::Integration", props)


@converts("aws_apigatewayv2_authorizer")
def api_authorizer(resource: TfResource) -> Mapped:
    """``aws_apigatewayv2_authorizer`` -> ``AWS::ApiGatewayV2::Authorizer``."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "api_id": "ApiId",
            "name": "Name",
            "authorizer_type": "AuthorizerType",
            "authorizer_uri": "AuthorizerUri",
            "authorizer_credentials_arn": "AuthorizerCredentialsArn",
            "identity_sources": "IdentitySource",
            "authorizer_payload_format_version": "AuthorizerPayloadFormatVersion",
            "enable_simple_responses": "EnableSimpleResponses",
            "authorizer_result_ttl_in_seconds": "AuthorizerResultTtlInSeconds",
        },
    )
    put(
        props,
        "JwtConfiguration",
        renamed_block(attrs, "jwt_configuration", {"audience": "Audience", "issuer": "Issuer"}),
    )
    return Mapped("AWS::ApiGatewayV2::Authorizer", props)
