"""Lambda: functions, permissions, event source mappings, URLs, aliases, async settings.

Terraform's arguments map onto ``AWS::Lambda::*`` properties nearly one to one; the
differences that matter to checks:

- ``reserved_concurrent_executions`` is ``-1`` for "no reservation" (the provider's default,
  which a plan shows): that is CloudFormation's absent ``ReservedConcurrentExecutions``,
  while ``0`` stays ``0`` (the function is switched off).
- Code comes from ``filename`` (a local .zip Terraform uploads), ``s3_bucket``/``s3_key`` or
  ``image_uri``. Only the last two have a CloudFormation ``Code`` equivalent; a local .zip is
  a package like any other, never inline ``ZipFile`` code (which cannot be signed).
- Terraform names a function's asynchronous settings in its own resource,
  ``aws_lambda_function_event_invoke_config``, which CloudFormation also has as a type
  (``AWS::Lambda::EventInvokeConfig``), so it is a converter, not a merger.
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    converts,
    get,
    nested,
    put,
    renamed,
    renamed_block,
    shaped_block,
    tag_list,
)
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Unknown


def _reserved(value: Any) -> Any:
    """``-1`` is the provider's "no reserved concurrency", CloudFormation's absent property."""
    if value in (-1, "-1"):
        return ABSENT
    return value


def _code(attributes: dict[str, Any]) -> dict[str, Any] | None:
    code = renamed(
        attributes,
        {
            "s3_bucket": "S3Bucket",
            "s3_key": "S3Key",
            "s3_object_version": "S3ObjectVersion",
            "image_uri": "ImageUri",
        },
    )
    return code or None


def _environment(found: dict[str, Any]) -> Any:
    variables = get(found, "variables")
    return {"Variables": variables} if variables is not ABSENT else None


def _vpc(attributes: dict[str, Any]) -> Any:
    config = renamed_block(
        attributes,
        "vpc_config",
        {
            "subnet_ids": "SubnetIds",
            "security_group_ids": "SecurityGroupIds",
            "ipv6_allowed_for_dual_stack": "Ipv6AllowedForDualStack",
        },
    )
    # A plan shows an empty vpc_config block for a function outside any VPC.
    return config or None


def _file_systems(attributes: dict[str, Any]) -> Any:
    value = attributes.get("file_system_config")
    if isinstance(value, Unknown):
        return value
    configs = [
        renamed(item, {"arn": "Arn", "local_mount_path": "LocalMountPath"})
        for item in (value if isinstance(value, list) else [value] if value else [])
        if isinstance(item, dict)
    ]
    return configs or None


def _logging(attributes: dict[str, Any]) -> Any:
    """``logging_config``; a ``log_group`` that is Lambda's own default is no choice at all.

    A plan shows the group Lambda uses (``/aws/lambda/<function name>``) and empty log
    levels even where the configuration sets none: neither names a group of the user's.
    """
    config = renamed_block(
        attributes,
        "logging_config",
        {
            "log_format": "LogFormat",
            "log_group": "LogGroup",
            "application_log_level": "ApplicationLogLevel",
            "system_log_level": "SystemLogLevel",
        },
    )
    if not isinstance(config, dict):
        return config
    name = get(attributes, "function_name")
    if isinstance(name, str) and config.get("LogGroup") == f"/aws/lambda/{name}":
        del config["LogGroup"]
    return {key: value for key, value in config.items() if value != ""} or None


@converts("aws_lambda_function")
def function(resource: TfResource) -> Mapped:
    """``aws_lambda_function`` -> ``AWS::Lambda::Function``."""
    attrs = dict(resource.attributes)
    props = renamed(
        attrs,
        {
            "function_name": "FunctionName",
            "description": "Description",
            "runtime": "Runtime",
            "handler": "Handler",
            "role": "Role",
            "memory_size": "MemorySize",
            "timeout": "Timeout",
            "kms_key_arn": "KmsKeyArn",
            "architectures": "Architectures",
            "code_signing_config_arn": "CodeSigningConfigArn",
            "package_type": "PackageType",
            "layers": "Layers",
        },
    )
    put(
        props,
        "ReservedConcurrentExecutions",
        _reserved(get(attrs, "reserved_concurrent_executions")),
    )
    put(props, "Code", _code(attrs))
    put(props, "Environment", shaped_block(attrs, "environment", _environment))
    put(props, "TracingConfig", renamed_block(attrs, "tracing_config", {"mode": "Mode"}))
    put(
        props,
        "DeadLetterConfig",
        renamed_block(attrs, "dead_letter_config", {"target_arn": "TargetArn"}),
    )
    put(props, "VpcConfig", _vpc(attrs))
    put(props, "FileSystemConfigs", _file_systems(attrs))
    put(props, "EphemeralStorage", renamed_block(attrs, "ephemeral_storage", {"size": "Size"}))
    put(props, "SnapStart", renamed_block(attrs, "snap_start", {"apply_on": "ApplyOn"}))
    put(props, "LoggingConfig", _logging(attrs))
    put(
        props,
        "ImageConfig",
        renamed_block(
            attrs,
            "image_config",
            {
                "command": "Command",
                "entry_point": "EntryPoint",
                "working_directory": "WorkingDirectory",
            },
        ),
    )
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::Lambda::Function", props)


@converts("aws_lambda_permission")
def permission(resource: TfResource) -> Mapped:
    """``aws_lambda_permission`` -> ``AWS::Lambda::Permission``.

    ``qualifier`` has no property of its own in CloudFormation (it is part of the function
    name there); the permission still belongs to the function ``function_name`` names.
    """
    props = renamed(
        resource.attributes,
        {
            "action": "Action",
            "function_name": "FunctionName",
            "principal": "Principal",
            "source_arn": "SourceArn",
            "source_account": "SourceAccount",
            "principal_org_id": "PrincipalOrgID",
            "event_source_token": "EventSourceToken",
            "function_url_auth_type": "FunctionUrlAuthType",
        },
    )
    return Mapped("AWS::Lambda::Permission", props)


def _destination(attributes: dict[str, Any], outcomes: tuple[str, ...], key: str) -> Any:
    """``destination_config { on_failure { <key> } }`` as ``{OnFailure: {Destination}}``."""
    config = nested(attributes, "destination_config")
    if config is None or isinstance(config, Unknown):
        return config
    found: dict[str, Any] = {}
    for outcome in outcomes:
        target = renamed_block(config, f"on_{outcome}", {key: "Destination"})
        put(found, f"On{outcome.title()}", target or None)
    return found or None


@converts("aws_lambda_event_source_mapping")
def event_source_mapping(resource: TfResource) -> Mapped:
    """``aws_lambda_event_source_mapping`` -> ``AWS::Lambda::EventSourceMapping``.

    Retry limits stay absent when unset: the provider, like CloudFormation, leaves them to
    Lambda, whose default for streams is to retry until the record expires.
    """
    attrs = dict(resource.attributes)
    props = renamed(
        attrs,
        {
            "event_source_arn": "EventSourceArn",
            "function_name": "FunctionName",
            "enabled": "Enabled",
            "batch_size": "BatchSize",
            "starting_position": "StartingPosition",
            "starting_position_timestamp": "StartingPositionTimestamp",
            "bisect_batch_on_function_error": "BisectBatchOnFunctionError",
            "maximum_retry_attempts": "MaximumRetryAttempts",
            "maximum_record_age_in_seconds": "MaximumRecordAgeInSeconds",
            "maximum_batching_window_in_seconds": "MaximumBatchingWindowInSeconds",
            "parallelization_factor": "ParallelizationFactor",
            "tumbling_window_in_seconds": "TumblingWindowInSeconds",
            "function_response_types": "FunctionResponseTypes",
            "queues": "Queues",
            "topics": "Topics",
            "kms_key_arn": "KmsKeyArn",
        },
    )
    put(props, "DestinationConfig", _destination(attrs, ("failure",), "destination_arn"))
    put(
        props,
        "ScalingConfig",
        renamed_block(attrs, "scaling_config", {"maximum_concurrency": "MaximumConcurrency"}),
    )
    source = nested(attrs, "self_managed_event_source")
    if source is not None:
        endpoints = source if isinstance(source, Unknown) else get(source, "endpoints")
        put(props, "SelfManagedEventSource", {"Endpoints": endpoints})
    put(props, "FilterCriteria", shaped_block(attrs, "filter_criteria", _filters))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::Lambda::EventSourceMapping", props)


def _filters(criteria: dict[str, Any]) -> Any:
    filters = criteria.get("filter")
    items = filters if isinstance(filters, list) else [filters] if filters else []
    found = [{"Pattern": get(f, "pattern")} for f in items if isinstance(f, dict)]
    return {"Filters": found} if found else None


@converts("aws_lambda_function_url")
def function_url(resource: TfResource) -> Mapped:
    """``aws_lambda_function_url`` -> ``AWS::Lambda::Url`` (``function_name`` is the target)."""
    props = renamed(
        resource.attributes,
        {
            "function_name": "TargetFunctionArn",
            "authorization_type": "AuthType",
            "qualifier": "Qualifier",
            "invoke_mode": "InvokeMode",
        },
    )
    cors = renamed_block(
        dict(resource.attributes),
        "cors",
        {
            "allow_credentials": "AllowCredentials",
            "allow_headers": "AllowHeaders",
            "allow_methods": "AllowMethods",
            "allow_origins": "AllowOrigins",
            "expose_headers": "ExposeHeaders",
            "max_age": "MaxAge",
        },
    )
    put(props, "Cors", cors)
    return Mapped("AWS::Lambda::Url", props)


@converts("aws_lambda_alias")
def alias(resource: TfResource) -> Mapped:
    """``aws_lambda_alias`` -> ``AWS::Lambda::Alias``; invokers of the alias invoke its function."""
    props = renamed(
        resource.attributes,
        {
            "name": "Name",
            "description": "Description",
            "function_name": "FunctionName",
            "function_version": "FunctionVersion",
        },
    )
    routing = nested(resource.attributes, "routing_config")
    if isinstance(routing, Unknown):
        props["RoutingConfig"] = routing
    elif routing is not None:
        weights = get(routing, "additional_version_weights")
        if isinstance(weights, dict):
            weights = [{"FunctionVersion": k, "FunctionWeight": v} for k, v in weights.items()]
        put(props, "RoutingConfig", {"AdditionalVersionWeights": weights} if weights else None)
    return Mapped("AWS::Lambda::Alias", props)


@converts("aws_lambda_function_event_invoke_config")
def event_invoke_config(resource: TfResource) -> Mapped:
    """``aws_lambda_function_event_invoke_config`` -> ``AWS::Lambda::EventInvokeConfig``.

    Unset retries and event age stay absent: the provider leaves them to Lambda's defaults
    (two retries, six hours), which is what CloudFormation's absent properties mean too.
    """
    attrs = dict(resource.attributes)
    props = renamed(
        attrs,
        {
            "function_name": "FunctionName",
            "qualifier": "Qualifier",
            "maximum_event_age_in_seconds": "MaximumEventAgeInSeconds",
            "maximum_retry_attempts": "MaximumRetryAttempts",
        },
    )
    put(props, "DestinationConfig", _destination(attrs, ("failure", "success"), "destination"))
    return Mapped("AWS::Lambda::EventInvokeConfig", props)
