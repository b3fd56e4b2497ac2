"""Services that invoke functions or deliver events: pipes, IoT and SES rules, pipelines,
user pools and AppSync (Chatbot channels, DLM and CodeDeploy are in ``brokers``, which
shares ``deep``).

These are mapped for what ``invocations.py``, ``deadletters.py``, ``stateful_data.py``,
``backups.py``, the SQS and CloudWatch checks and the tagging check read: where each one
points at a function, queue, topic or bucket, its invocation mode, and its tags.

Terraform's nested blocks mirror CloudFormation's nested properties closely here, so most
of them go through ``deep``: names PascalCased (with the few spellings CloudFormation does
not derive that way listed in ``_RENAMES``), single blocks as mappings, map arguments
(``configuration`` of a pipeline action) as written. Provider defaults match
CloudFormation's for everything read (an SES rule is disabled unless ``enabled``; a Lambda
action of an SES rule invokes with ``Event``), so absent arguments stay absent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    block,
    blocks,
    converts,
    get,
    put,
    put_nonempty,
    renamed,
    tag_list,
    tag_map,
)
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT

#: CloudFormation names that are not the PascalCase of Terraform's.
_RENAMES = {
    "dynamodb": "DynamoDB",
    "dynamodbv2": "DynamoDBv2",
    "dynamodb_stream_parameters": "DynamoDBStreamParameters",
    "activemq_broker_parameters": "ActiveMQBrokerParameters",
    "rabbitmq_broker_parameters": "RabbitMQBrokerParameters",
    "consumer_group_id": "ConsumerGroupID",
    "kms_key_id": "KMSKeyID",
    "custom_sms_sender": "CustomSMSSender",
    "sns_action": "SNSAction",
    "filter": "Filters",
    "dimension": "Dimensions",
    "put_asset_property_value_entry": "PutAssetPropertyValueEntries",
    "cross_region_copy_rule": "CrossRegionCopyRules",
    "share_rule": "ShareRules",
}
#: Blocks that stay lists in CloudFormation (every other block is a single mapping).
_LISTS = frozenset(
    {
        "filter",
        "dimension",
        "put_asset_property_value_entry",
        "cross_region_copy_rule",
        "share_rule",
    }
)


def pascal(name: str) -> str:
    """``dead_letter_config`` -> ``DeadLetterConfig``, or the listed exception."""
    return _RENAMES.get(name) or "".join(word[:1].upper() + word[1:] for word in name.split("_"))


def deep(node: Mapping[str, Any] | None) -> dict[str, Any]:
    """A Terraform block as CloudFormation's nested properties (see the module docstring)."""
    found: dict[str, Any] = {}
    for key, value in (node or {}).items():
        if value is None or value == []:
            continue
        if isinstance(value, list) and all(isinstance(item, dict) for item in value):
            items = [deep(item) for item in value]
            found[pascal(key)] = items if key in _LISTS else items[0]
        else:
            found[pascal(key)] = value
    return found


# -- EventBridge Pipes ----------------------------------------------------------------------


@converts("aws_pipes_pipe")
def pipe(resource: TfResource) -> Mapped:
    """A pipe: its source, target, the parameters of both, and the stream dead-letter queue."""
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "name": "Name",
            "description": "Description",
            "role_arn": "RoleArn",
            "source": "Source",
            "target": "Target",
            "enrichment": "Enrichment",
            "desired_state": "DesiredState",
            "kms_key_identifier": "KmsKeyIdentifier",
        },
    )
    for tf_name, cfn_name in (
        ("source_parameters", "SourceParameters"),
        ("target_parameters", "TargetParameters"),
        ("enrichment_parameters", "EnrichmentParameters"),
        ("log_configuration", "LogConfiguration"),
    ):
        put_nonempty(properties, cfn_name, deep(block(attributes, tf_name)))
    put(properties, "Tags", tag_map(resource))
    return Mapped("AWS::Pipes::Pipe", properties)


# -- IoT rules and SES receipt rules --------------------------------------------------------

#: Terraform's arguments of ``aws_iot_topic_rule`` that are not action blocks.
_RULE_SETTINGS = frozenset(
    {"name", "description", "enabled", "sql", "sql_version", "error_action", "tags"}
)


def _iot_actions(attributes: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Each action block (``lambda { ... }``, ``sqs { ... }``) as one ``{Kind: {...}}``."""
    actions = []
    for kind, value in attributes.items():
        if kind in _RULE_SETTINGS or kind.startswith("tags") or not isinstance(value, list):
            continue
        for item in value:
            if isinstance(item, dict):
                actions.append({pascal(kind): deep(item)})
    return actions


@converts("aws_iot_topic_rule")
def iot_topic_rule(resource: TfResource) -> Mapped:
    """A topic rule: ``enabled`` is ``RuleDisabled`` inverted; actions are repeated blocks."""
    attributes = resource.attributes
    payload = renamed(
        attributes, {"sql": "Sql", "sql_version": "AwsIotSqlVersion", "description": "Description"}
    )
    enabled = get(attributes, "enabled")
    if isinstance(enabled, bool):
        payload["RuleDisabled"] = not enabled
    payload["Actions"] = _iot_actions(attributes)
    error = block(attributes, "error_action")
    if error is not None:
        kinds = _iot_actions(error)
        put(payload, "ErrorAction", kinds[0] if kinds else None)
    properties = renamed(attributes, {"name": "RuleName"})
    properties["TopicRulePayload"] = payload
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::IoT::TopicRule", properties)


_SES_ACTIONS = (
    "add_header_action",
    "bounce_action",
    "lambda_action",
    "s3_action",
    "sns_action",
    "stop_action",
    "workmail_action",
)


def _position(item: Mapping[str, Any]) -> int:
    position = item.get("position")
    return position if isinstance(position, int) else 0


@converts("aws_ses_receipt_rule")
def ses_receipt_rule(resource: TfResource) -> Mapped:
    """A receipt rule: its action blocks, in the order their ``position`` gives."""
    attributes = resource.attributes
    rule = renamed(
        attributes,
        {
            "name": "Name",
            "enabled": "Enabled",
            "recipients": "Recipients",
            "scan_enabled": "ScanEnabled",
            "tls_policy": "TlsPolicy",
        },
    )
    actions = [(item, kind) for kind in _SES_ACTIONS for item in blocks(attributes, kind)]
    actions.sort(key=lambda pair: _position(pair[0]))
    rule["Actions"] = [
        {pascal(kind): deep({k: v for k, v in item.items() if k != "position"})}
        for item, kind in actions
    ]
    properties = renamed(attributes, {"rule_set_name": "RuleSetName", "after": "After"})
    properties["Rule"] = rule
    return Mapped("AWS::SES::ReceiptRule", properties)


# -- CodePipeline ---------------------------------------------------------------------------


def _action(item: Mapping[str, Any]) -> dict[str, Any]:
    action = renamed(
        item,
        {
            "name": "Name",
            "configuration": "Configuration",
            "run_order": "RunOrder",
            "region": "Region",
            "role_arn": "RoleArn",
            "namespace": "Namespace",
            "timeout_in_minutes": "TimeoutInMinutes",
        },
    )
    action["ActionTypeId"] = renamed(
        item,
        {"category": "Category", "owner": "Owner", "provider": "Provider", "version": "Version"},
    )
    for tf_name, cfn_name in (
        ("input_artifacts", "InputArtifacts"),
        ("output_artifacts", "OutputArtifacts"),
    ):
        names = get(item, tf_name)
        if isinstance(names, list):
            action[cfn_name] = [{"Name": name} for name in names]
        else:
            put(action, cfn_name, names)
    return action


def _store(item: Mapping[str, Any]) -> dict[str, Any]:
    store = renamed(item, {"location": "Location", "type": "Type"})
    put_nonempty(
        store, "EncryptionKey", renamed(block(item, "encryption_key"), {"id": "Id", "type": "Type"})
    )
    return store


@converts("aws_codepipeline")
def codepipeline(resource: TfResource) -> Mapped:
    """A pipeline: its artifact stores (per region when they name one) and its stages."""
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "name": "Name",
            "role_arn": "RoleArn",
            "pipeline_type": "PipelineType",
            "execution_mode": "ExecutionMode",
        },
    )
    stores = blocks(attributes, "artifact_store")
    if any(get(store, "region") is not ABSENT for store in stores):
        properties["ArtifactStores"] = [
            {"Region": get(store, "region"), "ArtifactStore": _store(store)} for store in stores
        ]
    elif stores:
        properties["ArtifactStore"] = _store(stores[0])
    properties["Stages"] = [
        {"Name": get(stage, "name"), "Actions": [_action(a) for a in blocks(stage, "action")]}
        for stage in blocks(attributes, "stage")
    ]
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::CodePipeline::Pipeline", properties)


# -- Cognito and AppSync --------------------------------------------------------------------


@converts("aws_cognito_user_pool")
def user_pool(resource: TfResource) -> Mapped:
    """A user pool: its Lambda triggers (``lambda_config``) and tags (a map)."""
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "name": "UserPoolName",
            "mfa_configuration": "MfaConfiguration",
            "deletion_protection": "DeletionProtection",
        },
    )
    put_nonempty(properties, "LambdaConfig", deep(block(attributes, "lambda_config")))
    put(properties, "UserPoolTags", tag_map(resource))
    return Mapped("AWS::Cognito::UserPool", properties)


@converts("aws_appsync_datasource")
def appsync_datasource(resource: TfResource) -> Mapped:
    """A data source: ``lambda_config.function_arn`` is ``LambdaConfig.LambdaFunctionArn``."""
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "api_id": "ApiId",
            "name": "Name",
            "type": "Type",
            "description": "Description",
            "service_role_arn": "ServiceRoleArn",
        },
    )
    put_nonempty(
        properties,
        "LambdaConfig",
        renamed(block(attributes, "lambda_config"), {"function_arn": "LambdaFunctionArn"}),
    )
    put_nonempty(
        properties,
        "DynamoDBConfig",
        renamed(
            block(attributes, "dynamodb_config"),
            {
                "table_name": "TableName",
                "region": "AwsRegion",
                "use_caller_credentials": "UseCallerCredentials",
            },
        ),
    )
    put_nonempty(
        properties,
        "HttpConfig",
        renamed(block(attributes, "http_config"), {"endpoint": "Endpoint"}),
    )
    return Mapped("AWS::AppSync::DataSource", properties)


_AUTHORIZER = {
    "authorizer_uri": "AuthorizerUri",
    "authorizer_result_ttl_in_seconds": "AuthorizerResultTtlInSeconds",
    "identity_validation_expression": "IdentityValidationExpression",
}


@converts("aws_appsync_graphql_api")
def appsync_graphql_api(resource: TfResource) -> Mapped:
    """A GraphQL API: its Lambda authorizers, logging and tracing."""
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "name": "Name",
            "authentication_type": "AuthenticationType",
            "xray_enabled": "XrayEnabled",
            "visibility": "Visibility",
        },
    )
    put_nonempty(
        properties,
        "LambdaAuthorizerConfig",
        renamed(block(attributes, "lambda_authorizer_config"), _AUTHORIZER),
    )
    providers = []
    for item in blocks(attributes, "additional_authentication_provider"):
        provider = renamed(item, {"authentication_type": "AuthenticationType"})
        put_nonempty(
            provider,
            "LambdaAuthorizerConfig",
            renamed(block(item, "lambda_authorizer_config"), _AUTHORIZER),
        )
        providers.append(provider)
    put_nonempty(properties, "AdditionalAuthenticationProviders", providers)
    put_nonempty(
        properties,
        "LogConfig",
        renamed(
            block(attributes, "log_config"),
            {
                "cloudwatch_logs_role_arn": "CloudWatchLogsRoleArn",
                "field_log_level": "FieldLogLevel",
                "exclude_verbose_content": "ExcludeVerboseContent",
            },
        ),
    )
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::AppSync::GraphQLApi", properties)
