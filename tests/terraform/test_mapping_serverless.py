"""The Lambda, messaging, API Gateway and CloudWatch mappings, converter by converter.

The check fixtures (``tests/checks/*/*_tf*.tf``) show the verdicts; these tests pin the
mapping decisions the fixtures only imply: provider sentinels (-1, 0) that mean "unset",
JSON text read around interpolations, unknown blocks kept unknown, and split resources that
must find the right owner.
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import Mapped
from golive.loaders.terraform.mapping.json_text import json_value
from golive.loaders.terraform.mapping.registry import load_mappings
from golive.loaders.terraform.model import TfResource
from golive.model import Location
from golive.values import ABSENT, Reference, Text, Unknown

CONVERTERS, MERGERS = load_mappings()


def convert(tf_type: str, **attributes: Any) -> Mapped:
    resource = TfResource(f"{tf_type}.this", tf_type, attributes, Location("x.tf", 1))
    mapped = CONVERTERS[tf_type](resource)
    assert mapped is not None
    return mapped


def merge(tf_type: str, owner: dict[str, Any], **attributes: Any) -> dict[str, Any]:
    split = TfResource(f"{tf_type}.this", tf_type, attributes, Location("x.tf", 1))
    MERGERS[tf_type].merger(split, owner)
    return owner


# -- JSON text ----------------------------------------------------------------------------


def test_json_value_reads_a_heredoc_around_its_interpolations() -> None:
    arn = Reference("aws_sqs_queue.dlq", "arn")
    text = Text(('{"deadLetterTargetArn": "', arn, '", "maxReceiveCount": 3}\n'))
    assert json_value(text) == {"deadLetterTargetArn": arn, "maxReceiveCount": 3}


def test_json_value_keeps_partial_strings_as_text() -> None:
    account = Unknown("var.account has no default")
    text = Text(('{"Resource": "arn:aws:sqs:us-east-1:', account, ':orders"}'))
    assert json_value(text) == {"Resource": Text(("arn:aws:sqs:us-east-1:", account, ":orders"))}


def test_json_value_of_unreadable_or_empty_text() -> None:
    count = Reference("aws_ssm_parameter.n", "value")
    bare = Text(('{"maxReceiveCount": ', count, "}"))
    assert json_value(bare) is bare  # an interpolation outside a string: not known
    assert json_value("") is ABSENT  # what a plan shows for an unset policy
    assert isinstance(json_value("{not json"), Unknown)
    assert json_value({"a": 1}) == {"a": 1}  # jsonencode gives data already


# -- Lambda -------------------------------------------------------------------------------


def test_function_maps_settings_and_drops_provider_sentinels() -> None:
    mapped = convert(
        "aws_lambda_function",
        function_name="orders",
        runtime="python3.12",
        reserved_concurrent_executions=-1,
        environment=[{"variables": {"TABLE": "orders"}}],
        tracing_config=[{"mode": "Active"}],
        dead_letter_config=[{"target_arn": Reference("aws_sqs_queue.dlq", "arn")}],
        vpc_config=[],
        logging_config=[{"log_group": Reference("aws_cloudwatch_log_group.g", "name")}],
        filename="orders.zip",
        tags={"team": "orders"},
    )
    props = mapped.properties
    assert mapped.type == "AWS::Lambda::Function"
    assert "ReservedConcurrentExecutions" not in props
    assert "VpcConfig" not in props  # a plan's empty block is no VPC
    assert "Code" not in props  # a local .zip is a package, never inline ZipFile code
    assert props["Environment"] == {"Variables": {"TABLE": "orders"}}
    assert props["TracingConfig"] == {"Mode": "Active"}
    assert props["DeadLetterConfig"] == {"TargetArn": Reference("aws_sqs_queue.dlq", "arn")}
    assert props["LoggingConfig"] == {"LogGroup": Reference("aws_cloudwatch_log_group.g", "name")}
    assert props["Tags"] == [{"Key": "team", "Value": "orders"}]


def test_function_keeps_zero_concurrency_and_unknown_blocks() -> None:
    reason = Unknown("dynamic tracing_config's for_each is not known")
    props = convert(
        "aws_lambda_function", reserved_concurrent_executions=0, tracing_config=reason
    ).properties
    assert props["ReservedConcurrentExecutions"] == 0
    assert props["TracingConfig"] == reason


def test_function_logging_config_as_a_plan_shows_it() -> None:
    logging = [
        {
            "log_format": "Text",
            "log_group": "/aws/lambda/orders",
            "application_log_level": "",
            "system_log_level": "",
        }
    ]
    props = convert(
        "aws_lambda_function", function_name="orders", logging_config=logging
    ).properties
    assert props["LoggingConfig"] == {"LogFormat": "Text"}


def test_event_source_mapping_and_invoke_config_destinations() -> None:
    queue = Reference("aws_sqs_queue.failures", "arn")
    mapping = convert(
        "aws_lambda_event_source_mapping",
        event_source_arn="arn:aws:kinesis:us-east-1:123456789012:stream/clicks",
        maximum_retry_attempts=3,
        destination_config=[{"on_failure": [{"destination_arn": queue}]}],
    ).properties
    assert mapping["DestinationConfig"] == {"OnFailure": {"Destination": queue}}
    config = convert(
        "aws_lambda_function_event_invoke_config",
        function_name=Reference("aws_lambda_function.f", "function_name"),
        destination_config=[
            {"on_failure": [{"destination": queue}], "on_success": [{"destination": "arn:x"}]}
        ],
    )
    assert config.type == "AWS::Lambda::EventInvokeConfig"
    assert config.properties["DestinationConfig"] == {
        "OnFailure": {"Destination": queue},
        "OnSuccess": {"Destination": "arn:x"},
    }


def test_alias_routing_weights_become_a_list() -> None:
    props = convert(
        "aws_lambda_alias", routing_config=[{"additional_version_weights": {"3": 0.1}}]
    ).properties
    assert props["RoutingConfig"] == {
        "AdditionalVersionWeights": [{"FunctionVersion": "3", "FunctionWeight": 0.1}]
    }


# -- SQS, SNS, EventBridge, Step Functions ------------------------------------------------


def test_queue_inline_policy_is_a_companion_queue_policy() -> None:
    mapped = convert(
        "aws_sqs_queue",
        name="orders",
        policy='{"Version": "2012-10-17", "Statement": []}',
        redrive_policy="",
    )
    assert "RedrivePolicy" not in mapped.properties
    policy = mapped.companions["policy"]
    assert policy.type == "AWS::SQS::QueuePolicy"
    assert policy.properties["Queues"] == [Reference("aws_sqs_queue.this", "id")]
    assert policy.properties["PolicyDocument"] == {"Version": "2012-10-17", "Statement": []}


def test_standalone_policies_name_their_queue_or_topic() -> None:
    queue = Reference("aws_sqs_queue.orders", "id")
    topic = Reference("aws_sns_topic.alerts", "arn")
    document = '{"Statement": []}'
    queue_policy = convert("aws_sqs_queue_policy", queue_url=queue, policy=document)
    topic_policy = convert("aws_sns_topic_policy", arn=topic, policy=document)
    assert (queue_policy.type, queue_policy.properties) == (
        "AWS::SQS::QueuePolicy",
        {"Queues": [queue], "PolicyDocument": {"Statement": []}},
    )
    assert (topic_policy.type, topic_policy.properties) == (
        "AWS::SNS::TopicPolicy",
        {"Topics": [topic], "PolicyDocument": {"Statement": []}},
    )


def test_name_prefix_is_a_name_with_an_unknown_suffix() -> None:
    name = convert("aws_sns_topic", name_prefix="alerts-").properties["TopicName"]
    suffix = Unknown("Terraform adds a unique suffix to the topic's name_prefix")
    assert name == Text(("alerts-", suffix))


def test_redrive_policy_merger_sets_the_owner() -> None:
    dlq = Reference("aws_sqs_queue.dlq", "arn")
    owner = merge(
        "aws_sqs_queue_redrive_policy",
        {"QueueName": "orders"},
        queue_url=Reference("aws_sqs_queue.orders", "id"),
        redrive_policy={"deadLetterTargetArn": dlq, "maxReceiveCount": 4},
    )
    assert owner["RedrivePolicy"] == {"deadLetterTargetArn": dlq, "maxReceiveCount": 4}


def test_event_targets_append_and_respect_the_bus() -> None:
    owner: dict[str, Any] = {"Name": "invoice-paid"}
    merge(
        "aws_cloudwatch_event_target",
        owner,
        rule="invoice-paid",
        target_id="ledger",
        arn="arn:aws:lambda:us-east-1:123456789012:function:ledger",
        dead_letter_config=[{"arn": "arn:aws:sqs:us-east-1:123456789012:dlq"}],
        retry_policy=[{"maximum_retry_attempts": 4}],
        ecs_target=[
            {
                "task_definition_arn": "arn:task",
                "network_configuration": [{"subnets": ["subnet-1"], "assign_public_ip": False}],
            }
        ],
    )
    merge("aws_cloudwatch_event_target", owner, rule="invoice-paid", event_bus_name="other")
    (target,) = owner["Targets"]
    assert target["Id"] == "ledger"
    assert target["DeadLetterConfig"] == {"Arn": "arn:aws:sqs:us-east-1:123456789012:dlq"}
    assert target["RetryPolicy"] == {"MaximumRetryAttempts": 4}
    assert target["EcsParameters"]["NetworkConfiguration"] == {
        "AwsVpcConfiguration": {"Subnets": ["subnet-1"], "AssignPublicIp": "DISABLED"}
    }


def test_event_target_public_ip_written_as_a_string() -> None:
    owner: dict[str, Any] = {"Name": "nightly"}
    network = [{"subnets": ["subnet-1"], "assign_public_ip": "true"}]
    ecs = [{"task_definition_arn": "arn:task", "network_configuration": network}]
    merge("aws_cloudwatch_event_target", owner, rule="nightly", arn="arn:c", ecs_target=ecs)
    (target,) = owner["Targets"]
    vpc = target["EcsParameters"]["NetworkConfiguration"]["AwsVpcConfiguration"]
    assert vpc["AssignPublicIp"] == "ENABLED"


def test_state_machine_definition_and_logging() -> None:
    function = Reference("aws_lambda_function.charge", "arn")
    mapped = convert(
        "aws_sfn_state_machine",
        definition=Text(('{"StartAt": "A", "States": {"A": {"Resource": "', function, '"}}}')),
        logging_configuration=[{"level": "ERROR", "log_destination": "arn:group:*"}],
        tracing_configuration=[{"enabled": True}],
    ).properties
    assert mapped["Definition"]["States"]["A"]["Resource"] == function
    assert mapped["LoggingConfiguration"] == {
        "Level": "ERROR",
        "Destinations": [{"CloudWatchLogsLogGroup": {"LogGroupArn": "arn:group:*"}}],
    }
    assert mapped["TracingConfiguration"] == {"Enabled": True}
    opaque = Unknown("templatefile() is not evaluated")
    assert convert("aws_sfn_state_machine", definition=opaque).properties == {
        "DefinitionString": opaque
    }


# -- API Gateway --------------------------------------------------------------------------


def test_method_settings_paths_and_unset_limits() -> None:
    api = Reference("aws_api_gateway_rest_api.orders", "id")
    owner: dict[str, Any] = {"RestApiId": api, "StageName": "v1"}
    merge(
        "aws_api_gateway_method_settings",
        owner,
        rest_api_id=api,
        stage_name="v1",
        method_path="*/*",
        settings=[{"throttling_rate_limit": -1, "throttling_burst_limit": 10}],
    )
    merge(
        "aws_api_gateway_method_settings",
        owner,
        rest_api_id=api,
        stage_name="v1",
        method_path="orders/{id}/GET",
        settings=[{"cache_data_encrypted": True}],
    )
    wide, single = owner["MethodSettings"]
    assert wide == {"ResourcePath": "/*", "HttpMethod": "*", "ThrottlingBurstLimit": 10}
    assert single["ResourcePath"] == "/orders~1{id}" and single["HttpMethod"] == "GET"


def test_split_resources_of_another_api_are_not_merged() -> None:
    owner: dict[str, Any] = {
        "RestApiId": Reference("aws_api_gateway_rest_api.orders", "id"),
        "ResourceId": Reference("aws_api_gateway_resource.orders", "id"),
    }
    merge(
        "aws_api_gateway_method_settings",
        owner,
        rest_api_id=Reference("aws_api_gateway_rest_api.partners", "id"),
        stage_name="v1",
        method_path="*/*",
        settings=[{"throttling_rate_limit": 5}],
    )
    merge(
        "aws_api_gateway_integration",
        owner,
        rest_api_id=Reference("aws_api_gateway_rest_api.orders", "id"),
        resource_id=Reference("aws_api_gateway_resource.items", "id"),
        http_method="GET",
        type="HTTP_PROXY",
    )
    assert "MethodSettings" not in owner and "Integration" not in owner
    merge(
        "aws_api_gateway_integration",
        owner,
        rest_api_id=Reference("aws_api_gateway_rest_api.orders", "id"),
        resource_id=Reference("aws_api_gateway_resource.orders", "id"),
        http_method="GET",
        type="AWS_PROXY",
        uri=Reference("aws_lambda_function.f", "invoke_arn"),
        timeout_milliseconds=10000,
    )
    assert owner["Integration"] == {
        "Type": "AWS_PROXY",
        "Uri": Reference("aws_lambda_function.f", "invoke_arn"),
        "TimeoutInMillis": 10000,
    }


def test_unknown_method_settings_make_the_stage_settings_unknown() -> None:
    unknown = Unknown("dynamic settings' for_each is not known")
    owner = merge(
        "aws_api_gateway_method_settings", {}, stage_name="v1", method_path="*/*", settings=unknown
    )
    assert owner["MethodSettings"] == unknown


def test_http_api_stage_settings() -> None:
    props = convert(
        "aws_apigatewayv2_stage",
        name="$default",
        default_route_settings=[{"detailed_metrics_enabled": True}],
        route_settings=[{"route_key": "GET /items", "throttling_rate_limit": 10}],
        tags={"team": "catalog"},
    ).properties
    # The provider sends limits of 0 for a default_route_settings block without them.
    assert props["DefaultRouteSettings"] == {
        "DetailedMetricsEnabled": True,
        "ThrottlingBurstLimit": 0,
        "ThrottlingRateLimit": 0,
    }
    assert props["RouteSettings"] == {"GET /items": {"ThrottlingRateLimit": 10}}
    assert props["Tags"] == {"team": "catalog"}  # a map on the v2 types


def test_openapi_body_as_json_or_yaml() -> None:
    body = 'openapi: "3.0.1"\ninfo:\n  title: orders\npaths: {}\n'
    props = convert("aws_api_gateway_rest_api", name="orders", body=body).properties
    assert props["Body"]["info"] == {"title": "orders"}


def test_usage_plan_stages_and_throttle() -> None:
    api = Reference("aws_api_gateway_rest_api.orders", "id")
    props = convert(
        "aws_api_gateway_usage_plan",
        api_stages=[
            {"api_id": api, "stage": "v1", "throttle": [{"path": "/a/GET", "rate_limit": 5}]}
        ],
        throttle_settings=[{"rate_limit": 20, "burst_limit": 40}],
    ).properties
    assert props["ApiStages"] == [
        {"ApiId": api, "Stage": "v1", "Throttle": {"/a/GET": {"RateLimit": 5}}}
    ]
    assert props["Throttle"] == {"RateLimit": 20, "BurstLimit": 40}


# -- CloudWatch ---------------------------------------------------------------------------


def test_log_group_retention_zero_is_never_expire() -> None:
    assert (
        "RetentionInDays"
        not in convert("aws_cloudwatch_log_group", name="/app", retention_in_days=0).properties
    )
    assert convert("aws_cloudwatch_log_group", retention_in_days=30).properties == {
        "RetentionInDays": 30
    }


def test_alarm_dimensions_and_metric_math() -> None:
    function = Reference("aws_lambda_function.orders", "function_name")
    props = convert(
        "aws_cloudwatch_metric_alarm",
        dimensions={"FunctionName": function},
        metric_query=[
            {"id": "rate", "expression": "errors / 1", "return_data": True},
            {
                "id": "errors",
                "metric": [
                    {
                        "namespace": "AWS/Lambda",
                        "metric_name": "Errors",
                        "stat": "Sum",
                        "period": 60,
                        "dimensions": {"FunctionName": function},
                    }
                ],
            },
        ],
    ).properties
    assert props["Dimensions"] == [{"Name": "FunctionName", "Value": function}]
    rate, errors = props["Metrics"]
    assert rate == {"Id": "rate", "Expression": "errors / 1", "ReturnData": True}
    assert errors["MetricStat"] == {
        "Metric": {
            "Namespace": "AWS/Lambda",
            "MetricName": "Errors",
            "Dimensions": [{"Name": "FunctionName", "Value": function}],
        },
        "Period": 60,
        "Stat": "Sum",
    }


def test_composite_alarm_keeps_the_rule_references() -> None:
    child = Reference("aws_cloudwatch_metric_alarm.errors", "alarm_name")
    rule = Text(("ALARM(", child, ")"))
    props = convert(
        "aws_cloudwatch_composite_alarm",
        alarm_name="degraded",
        alarm_rule=rule,
        actions_suppressor=[{"alarm": "maintenance", "wait_period": 60}],
    ).properties
    assert props["AlarmRule"] == rule
    assert props["ActionsSuppressor"] == "maintenance"
    assert props["ActionsSuppressorWaitPeriod"] == 60
