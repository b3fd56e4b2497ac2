"""SAM expansion (Globals, every event type), invocation modes, VPC reach and the graph."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from golive.context import StackFacts
from golive.graph import build_graph
from golive.invocations import Mode
from golive.loaders.cloudformation import load_template
from golive.model import Stack
from golive.reach import vpc_reach
from golive.resolver import Resolver

#: SAM event type -> (event properties, expected invocation mode).
EVENTS = {
    "Api": ({"Path": "/orders", "Method": "get"}, Mode.SYNC),
    "HttpApi": ({"Path": "/orders", "Method": "get"}, Mode.SYNC),
    "S3": ({"Bucket": {"Ref": "Uploads"}, "Events": "s3:ObjectCreated:*"}, Mode.ASYNC),
    "SNS": ({"Topic": {"Ref": "Topic"}}, Mode.ASYNC),
    "SQS": ({"Queue": {"Fn::GetAtt": ["Queue", "Arn"]}}, Mode.POLL),
    "Kinesis": (
        {"Stream": {"Fn::GetAtt": ["Stream", "Arn"]}, "StartingPosition": "LATEST"},
        Mode.POLL,
    ),
    "DynamoDB": (
        {"Stream": {"Fn::GetAtt": ["Table", "StreamArn"]}, "StartingPosition": "LATEST"},
        Mode.POLL,
    ),
    "Schedule": ({"Schedule": "rate(5 minutes)"}, Mode.ASYNC),
    "ScheduleV2": ({"ScheduleExpression": "rate(5 minutes)"}, Mode.ASYNC),
    "EventBridgeRule": ({"Pattern": {"source": ["orders"]}}, Mode.ASYNC),
    "CloudWatchEvent": ({"Pattern": {"source": ["orders"]}}, Mode.ASYNC),
    "CloudWatchLogs": ({"LogGroupName": {"Ref": "Logs"}, "FilterPattern": "ERROR"}, Mode.ASYNC),
    "IoTRule": ({"Sql": "SELECT * FROM 'topic'"}, Mode.ASYNC),
    "Cognito": ({"UserPool": {"Ref": "Pool"}, "Trigger": "PreSignUp"}, Mode.SYNC),
    "AlexaSkill": ({}, Mode.SYNC),
}

SUPPORT = {
    "Uploads": {"Type": "AWS::S3::Bucket"},
    "Topic": {"Type": "AWS::SNS::Topic"},
    "Queue": {"Type": "AWS::SQS::Queue"},
    "Stream": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}},
    "Table": {
        "Type": "AWS::DynamoDB::Table",
        "Properties": {
            "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
            "BillingMode": "PAY_PER_REQUEST",
            "StreamSpecification": {"StreamViewType": "NEW_IMAGE"},
        },
    },
    "Logs": {"Type": "AWS::Logs::LogGroup"},
    "Pool": {"Type": "AWS::Cognito::UserPool"},
}


def load(tmp_path: Path, template: dict[str, object], name: str = "template.yaml") -> Stack:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(template, sort_keys=False))
    loaded = load_template(path, {})
    assert loaded is not None
    assert not loaded.problems, loaded.problems
    return loaded.stack


@pytest.fixture(scope="module")
def sam_stack(tmp_path_factory: pytest.TempPathFactory) -> Stack:
    functions = {
        f"{event}Fn": {
            "Type": "AWS::Serverless::Function",
            "Properties": {"Events": {"Trigger": {"Type": event, "Properties": props}}},
        }
        for event, (props, _) in EVENTS.items()
    }
    template = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Transform": "AWS::Serverless-2016-10-31",
        "Globals": {
            "Function": {
                "Runtime": "python3.12",
                "Handler": "app.handler",
                "CodeUri": "src/",
                "Environment": {"Variables": {"STAGE": "prod"}},
                "ReservedConcurrentExecutions": 5,
            }
        },
        "Resources": {**functions, **SUPPORT},
    }
    return load(tmp_path_factory.mktemp("sam"), template)


@pytest.mark.parametrize("event", sorted(EVENTS))
def test_each_sam_event_type_gives_its_invocation_mode(sam_stack: Stack, event: str) -> None:
    graph, problems = build_graph(sam_stack)
    assert not problems
    facts = StackFacts(graph, Resolver(sam_stack))
    modes = {i.mode for i in facts.invocations.get(f"{event}Fn", [])}
    assert EVENTS[event][1] in modes, (event, facts.invocations.get(f"{event}Fn"))
    assert Mode.UNKNOWN not in modes


def test_globals_are_merged_into_every_function(sam_stack: Stack) -> None:
    for event in EVENTS:
        function = sam_stack.resources[f"{event}Fn"]
        assert function.type == "AWS::Lambda::Function"
        assert function.properties["Environment"] == {"Variables": {"STAGE": "prod"}}
        assert function.properties["ReservedConcurrentExecutions"] == 5


def test_generated_resources_name_what_the_user_wrote(sam_stack: Stack) -> None:
    role = sam_stack.resources["SQSFnRole"]
    assert role.origin is not None
    assert role.origin.logical_id == "SQSFn" and role.origin.type == "AWS::Serverless::Function"
    assert role.location.line == sam_stack.resources["SQSFn"].location.line
    api = sam_stack.resources["ServerlessRestApi"]
    assert api.origin is not None and api.origin.type == "AWS::Serverless::Api"
    assert sam_stack.resources["Queue"].origin is None


def test_cloudformation_sources_and_custom_resources(tmp_path: Path) -> None:
    fn = {"Type": "AWS::Lambda::Function", "Properties": {"Runtime": "python3.12"}}
    template = {
        "Resources": {
            "Async": fn,
            "Url": fn,
            "Handler": fn,
            "Machine": fn,
            "Caller": fn,
            "AsyncRule": {
                "Type": "AWS::Events::Rule",
                "Properties": {"Targets": [{"Id": "t", "Arn": {"Fn::GetAtt": ["Async", "Arn"]}}]},
            },
            "FunctionUrl": {
                "Type": "AWS::Lambda::Url",
                "Properties": {"AuthType": "AWS_IAM", "TargetFunctionArn": {"Ref": "Url"}},
            },
            "Custom": {
                "Type": "Custom::Seed",
                "Properties": {"ServiceToken": {"Fn::GetAtt": ["Handler", "Arn"]}},
            },
            "States": {
                "Type": "AWS::StepFunctions::StateMachine",
                "Properties": {
                    "DefinitionString": {
                        "Fn::Sub": '{"StartAt":"A","States":{"A":{"Type":"Task",'
                        '"Resource":"${Machine.Arn}","End":true}}}'
                    },
                    "RoleArn": "arn:aws:iam::123456789012:role/x",
                },
            },
            "CallerRole": {
                "Type": "AWS::IAM::Role",
                "Properties": {
                    "AssumeRolePolicyDocument": {},
                    "Policies": [
                        {
                            "PolicyName": "invoke",
                            "PolicyDocument": {
                                "Statement": [
                                    {
                                        "Effect": "Allow",
                                        "Action": "lambda:InvokeFunction",
                                        "Resource": {"Fn::GetAtt": ["Caller", "Arn"]},
                                    }
                                ]
                            },
                        }
                    ],
                },
            },
        }
    }
    stack = load(tmp_path, template)
    graph, _ = build_graph(stack)
    invocations = StackFacts(graph, Resolver(stack)).invocations
    assert [(i.mode, i.source) for i in invocations["Async"]] == [(Mode.ASYNC, "AsyncRule")]
    assert [i.mode for i in invocations["Url"]] == [Mode.SYNC]
    assert [i.mode for i in invocations["Handler"]] == [Mode.CUSTOM_RESOURCE]
    assert [i.mode for i in invocations["Machine"]] == [Mode.SYNC]
    assert [i.mode for i in invocations["Caller"]] == [Mode.UNKNOWN]


def test_vpc_reach_through_env_policy_and_secret_but_not_data_api(tmp_path: Path) -> None:
    template = {
        "Resources": {
            "Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "postgres"}},
            "Aurora": {
                "Type": "AWS::RDS::DBCluster",
                "Properties": {"Engine": "aurora-postgresql", "EnableHttpEndpoint": True},
            },
            "Secret": {"Type": "AWS::SecretsManager::Secret"},
            "Attach": {
                "Type": "AWS::SecretsManager::SecretTargetAttachment",
                "Properties": {
                    "SecretId": {"Ref": "Secret"},
                    "TargetId": {"Ref": "Db"},
                    "TargetType": "AWS::RDS::DBInstance",
                },
            },
            "Role": {
                "Type": "AWS::IAM::Role",
                "Properties": {
                    "AssumeRolePolicyDocument": {},
                    "Policies": [
                        {
                            "PolicyName": "db",
                            "PolicyDocument": {
                                "Statement": [
                                    {
                                        "Effect": "Allow",
                                        "Action": "rds-db:connect",
                                        "Resource": {"Fn::Sub": "${Db.DbiResourceId}"},
                                    },
                                    {
                                        "Effect": "Allow",
                                        "Action": "rds-data:ExecuteStatement",
                                        "Resource": {"Ref": "Aurora"},
                                    },
                                ]
                            },
                        }
                    ],
                },
            },
            "ByEnv": {
                "Type": "AWS::Lambda::Function",
                "Properties": {
                    "Environment": {
                        "Variables": {"HOST": {"Fn::GetAtt": ["Db", "Endpoint.Address"]}}
                    }
                },
            },
            "BySecret": {
                "Type": "AWS::Lambda::Function",
                "Properties": {"Environment": {"Variables": {"SECRET": {"Ref": "Secret"}}}},
            },
            "ByPolicy": {
                "Type": "AWS::Lambda::Function",
                "Properties": {"Role": {"Fn::GetAtt": ["Role", "Arn"]}},
            },
            "DataApi": {
                "Type": "AWS::Lambda::Function",
                "Properties": {"Environment": {"Variables": {"CLUSTER": {"Ref": "Aurora"}}}},
            },
        }
    }
    stack = load(tmp_path, template)
    graph, _ = build_graph(stack)
    resolver = Resolver(stack)

    def reached(name: str) -> list[str]:
        return [r.target for r in vpc_reach(stack.resources[name], graph, resolver)]

    assert reached("ByEnv") == ["Db"]
    assert reached("BySecret") == ["Db"]
    assert reached("ByPolicy") == ["Db"]
    assert reached("DataApi") == []


def test_graph_edges_and_cycles(tmp_path: Path) -> None:
    template = {
        "Resources": {
            "A": {
                "Type": "AWS::SNS::Topic",
                "Properties": {"DisplayName": {"Fn::Sub": "${B.TopicName}"}},
            },
            "B": {"Type": "AWS::SNS::Topic", "DependsOn": "A"},
            "C": {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": {"Ref": "A"}}},
        }
    }
    stack = load(tmp_path, template)
    graph, problems = build_graph(stack)
    assert [r.logical_id for r in graph.referrers("A")] == ["B", "C"]
    assert [(e.target, e.attribute) for e in graph.outgoing["A"]] == [("B", "TopicName")]
    assert len(problems) == 1 and "circular dependency" in problems[0].message
    assert "A -> B -> A" in problems[0].message or "B -> A -> B" in problems[0].message


def test_sam_translation_makes_no_network_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("golive scan tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    template = {
        "Transform": "AWS::Serverless-2016-10-31",
        "Resources": {
            "Shared": {
                "Type": "AWS::Serverless::Application",
                "Properties": {
                    "Location": {
                        "ApplicationId": "arn:aws:serverlessrepo:us-east-1:1:applications/x",
                        "SemanticVersion": "1.0.0",
                    }
                },
            },
            "Fn": {
                "Type": "AWS::Serverless::Function",
                "Properties": {
                    "Runtime": "python3.12",
                    "Handler": "app.handler",
                    "Policies": ["AmazonS3ReadOnlyAccess", {"S3ReadPolicy": {"BucketName": "b"}}],
                },
            },
        },
    }
    stack = load(tmp_path, template)
    assert stack.resources["Shared"].type == "AWS::CloudFormation::Stack"
    assert stack.resources["FnRole"].origin is not None
