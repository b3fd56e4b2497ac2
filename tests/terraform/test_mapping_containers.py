"""Mappings of ECS, ECR, EKS, CodeBuild, brokers and integrations, converter by converter."""

from __future__ import annotations

from typing import Any

import pytest

from golive.loaders.terraform.mapping import Mapped, brokers, codebuild, ecr, eks, integrations
from golive.loaders.terraform.mapping.containers import ecs_cluster, ecs_service
from golive.loaders.terraform.mapping.containers_tasks import container_definitions, task_definition
from golive.loaders.terraform.model import TfResource
from golive.model import Location
from golive.values import Reference, Text, Unknown


def tf(tf_type: str, attributes: dict[str, Any], **extra: Any) -> TfResource:
    return TfResource(f"{tf_type}.x", tf_type, attributes, Location("x.tf", 1), **extra)


def props(result: Mapped | None) -> dict[str, Any]:
    assert result is not None
    return result.properties


# -- ECS ------------------------------------------------------------------------------------


def test_cluster_settings_and_tags() -> None:
    resource = tf(
        "aws_ecs_cluster",
        {"name": "shop", "setting": [{"name": "containerInsights", "value": "enabled"}]},
        default_tags={"Team": "platform"},
    )
    result = ecs_cluster(resource)
    assert result is not None and result.type == "AWS::ECS::Cluster"
    assert result.properties == {
        "ClusterName": "shop",
        "ClusterSettings": [{"Name": "containerInsights", "Value": "enabled"}],
        "Tags": [{"Key": "Team", "Value": "platform"}],
    }


def test_service_without_desired_count_runs_no_task() -> None:
    assert props(ecs_service(tf("aws_ecs_service", {"name": "a"})))["DesiredCount"] == 0
    daemon = props(ecs_service(tf("aws_ecs_service", {"scheduling_strategy": "DAEMON"})))
    assert "DesiredCount" not in daemon
    unknown = Unknown("var.count has no value")
    assert (
        props(ecs_service(tf("aws_ecs_service", {"desired_count": unknown})))["DesiredCount"]
        is unknown
    )


def test_service_deployment_and_network() -> None:
    result = props(
        ecs_service(
            tf(
                "aws_ecs_service",
                {
                    "desired_count": 2,
                    "deployment_minimum_healthy_percent": 50,
                    "deployment_circuit_breaker": [{"enable": True, "rollback": True}],
                    "network_configuration": [{"subnets": ["subnet-1"], "assign_public_ip": True}],
                    "capacity_provider_strategy": [
                        {"capacity_provider": "FARGATE_SPOT", "weight": 1}
                    ],
                    "ordered_placement_strategy": [
                        {"type": "spread", "field": "attribute:ecs.availability-zone"}
                    ],
                },
            )
        )
    )
    assert result["DeploymentConfiguration"] == {
        "MinimumHealthyPercent": 50,
        "DeploymentCircuitBreaker": {"Enable": True, "Rollback": True},
    }
    assert result["NetworkConfiguration"] == {
        "AwsvpcConfiguration": {"Subnets": ["subnet-1"], "AssignPublicIp": "ENABLED"}
    }
    assert result["CapacityProviderStrategy"] == [{"CapacityProvider": "FARGATE_SPOT", "Weight": 1}]
    assert result["PlacementStrategies"] == [
        {"Type": "spread", "Field": "attribute:ecs.availability-zone"}
    ]


def test_assign_public_ip_unset_stays_absent() -> None:
    result = props(
        ecs_service(tf("aws_ecs_service", {"network_configuration": [{"subnets": ["s"]}]}))
    )
    assert result["NetworkConfiguration"] == {"AwsvpcConfiguration": {"Subnets": ["s"]}}


def test_container_definitions_from_json_text() -> None:
    text = (
        '[{"name": "api", "image": "api:1", "essential": true, "readonlyRootFilesystem": true,'
        ' "environment": [{"name": "LOG_LEVEL", "value": "info"}],'
        ' "secrets": [{"name": "DB", "valueFrom": "arn:aws:ssm:::parameter/db"}],'
        ' "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs"}},'
        ' "dockerLabels": {"com.example.team": "web"},'
        ' "healthCheck": {"command": ["CMD", "true"], "startPeriod": 10}}]'
    )
    assert container_definitions(text) == [
        {
            "Name": "api",
            "Image": "api:1",
            "Essential": True,
            "ReadonlyRootFilesystem": True,
            "Environment": [{"Name": "LOG_LEVEL", "Value": "info"}],
            "Secrets": [{"Name": "DB", "ValueFrom": "arn:aws:ssm:::parameter/db"}],
            "LogConfiguration": {"LogDriver": "awslogs", "Options": {"awslogs-group": "/ecs"}},
            "DockerLabels": {"com.example.team": "web"},
            "HealthCheck": {"Command": ["CMD", "true"], "StartPeriod": 10},
        }
    ]


def test_container_definitions_from_interpolated_heredoc() -> None:
    repository = Reference("aws_ecr_repository.api", "repository_url")
    memory = Unknown("var.memory has no value")
    heredoc = Text(
        (
            '[{"name": "api", "image": "',
            repository,
            ':1.2.0", "memory": ',
            memory,
            ', "user": "1000"}]',
        )
    )
    assert container_definitions(heredoc) == [
        {"Name": "api", "Image": Text((repository, ":1.2.0")), "Memory": memory, "User": "1000"}
    ]


def test_container_definitions_from_jsonencode_keep_values() -> None:
    secret = Unknown("var.key has no value")
    value = [{"name": "api", "environment": [{"name": "KEY", "value": secret}]}]
    assert container_definitions(value) == [
        {"Name": "api", "Environment": [{"Name": "KEY", "Value": secret}]}
    ]


@pytest.mark.parametrize("value", ["not json", Text(("[{", Unknown("x"), "]"))])
def test_container_definitions_not_json_are_unknown(value: Any) -> None:
    assert isinstance(container_definitions(value), Unknown)


def test_container_definitions_unknown_pass_through() -> None:
    unknown = Unknown("data.template_file.x.rendered is known only after apply")
    result = props(
        task_definition(tf("aws_ecs_task_definition", {"container_definitions": unknown}))
    )
    assert result["ContainerDefinitions"] is unknown


def test_task_definition_volumes_and_platform() -> None:
    result = props(
        task_definition(
            tf(
                "aws_ecs_task_definition",
                {
                    "family": "cms",
                    "requires_compatibilities": ["FARGATE"],
                    "cpu": "256",
                    "memory": "512",
                    "pid_mode": "task",
                    "runtime_platform": [{"cpu_architecture": "ARM64"}],
                    "volume": [
                        {
                            "name": "uploads",
                            "efs_volume_configuration": [
                                {
                                    "file_system_id": "fs-1",
                                    "transit_encryption": "ENABLED",
                                    "authorization_config": [{"iam": "ENABLED"}],
                                }
                            ],
                        },
                        {"name": "scratch", "host_path": "/scratch"},
                    ],
                    "container_definitions": "[]",
                },
            )
        )
    )
    assert result["RuntimePlatform"] == {"CpuArchitecture": "ARM64"}
    assert result["PidMode"] == "task"
    assert result["Volumes"] == [
        {
            "Name": "uploads",
            "EFSVolumeConfiguration": {
                "FilesystemId": "fs-1",
                "TransitEncryption": "ENABLED",
                "AuthorizationConfig": {"IAM": "ENABLED"},
            },
        },
        {"Name": "scratch", "Host": {"SourcePath": "/scratch"}},
    ]


# -- ECR ------------------------------------------------------------------------------------


def test_repository_and_split_policies() -> None:
    repository = props(
        ecr.repository(
            tf(
                "aws_ecr_repository",
                {
                    "name": "api",
                    "image_tag_mutability": "IMMUTABLE",
                    "image_scanning_configuration": [{"scan_on_push": True}],
                    "encryption_configuration": [{"encryption_type": "KMS"}],
                },
            )
        )
    )
    assert repository == {
        "RepositoryName": "api",
        "ImageTagMutability": "IMMUTABLE",
        "ImageScanningConfiguration": {"ScanOnPush": True},
        "EncryptionConfiguration": {"EncryptionType": "KMS"},
    }
    ecr.lifecycle_policy(tf("aws_ecr_lifecycle_policy", {"policy": '{"rules": []}'}), repository)
    assert repository["LifecyclePolicy"] == {"LifecyclePolicyText": '{"rules": []}'}
    policy = '{"Statement": [{"Effect": "Allow", "Principal": "*"}]}'
    ecr.repository_policy(tf("aws_ecr_repository_policy", {"policy": policy}), repository)
    assert repository["RepositoryPolicyText"] == {
        "Statement": [{"Effect": "Allow", "Principal": "*"}]
    }


def test_repository_policy_heredoc_keeps_its_interpolations() -> None:
    repository: dict[str, Any] = {}
    role = Reference("aws_iam_role.ci", "arn")
    text = Text(('{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "', role, '"}}]}'))
    ecr.repository_policy(tf("aws_ecr_repository_policy", {"policy": text}), repository)
    assert repository["RepositoryPolicyText"] == {
        "Statement": [{"Effect": "Allow", "Principal": {"AWS": role}}]
    }


def test_registry_scanning_rules() -> None:
    result = props(
        ecr.registry_scanning(
            tf(
                "aws_ecr_registry_scanning_configuration",
                {
                    "scan_type": "ENHANCED",
                    "rule": [
                        {
                            "scan_frequency": "SCAN_ON_PUSH",
                            "repository_filter": [{"filter": "*", "filter_type": "WILDCARD"}],
                        }
                    ],
                },
            )
        )
    )
    assert result["Rules"] == [
        {
            "ScanFrequency": "SCAN_ON_PUSH",
            "RepositoryFilters": [{"Filter": "*", "FilterType": "WILDCARD"}],
        }
    ]


# -- EKS ------------------------------------------------------------------------------------


def test_eks_cluster() -> None:
    result = props(
        eks.cluster(
            tf(
                "aws_eks_cluster",
                {
                    "name": "main",
                    "enabled_cluster_log_types": ["api", "audit"],
                    "vpc_config": [{"endpoint_public_access": False, "subnet_ids": ["s"]}],
                    "encryption_config": [
                        {"resources": ["secrets"], "provider": [{"key_arn": "arn:key"}]}
                    ],
                },
            )
        )
    )
    assert result["Logging"] == {
        "ClusterLogging": {"EnabledTypes": [{"Type": "api"}, {"Type": "audit"}]}
    }
    assert result["ResourcesVpcConfig"] == {"SubnetIds": ["s"], "EndpointPublicAccess": False}
    assert result["EncryptionConfig"] == [
        {"Resources": ["secrets"], "Provider": {"KeyArn": "arn:key"}}
    ]
    unknown = Unknown("var.types has no value")
    logged = props(eks.cluster(tf("aws_eks_cluster", {"enabled_cluster_log_types": unknown})))
    assert logged["Logging"] == {"ClusterLogging": {"EnabledTypes": unknown}}


def test_node_group_remote_access_and_map_tags() -> None:
    result = props(
        eks.node_group(
            tf(
                "aws_eks_node_group",
                {
                    "subnet_ids": ["s"],
                    "remote_access": [{"ec2_ssh_key": "ops"}],
                    "scaling_config": [{"desired_size": 2, "min_size": 2, "max_size": 4}],
                    "tags": {"Team": "platform"},
                },
            )
        )
    )
    assert result["RemoteAccess"] == {"Ec2SshKey": "ops"}
    assert result["ScalingConfig"] == {"DesiredSize": 2, "MinSize": 2, "MaxSize": 4}
    assert result["Tags"] == {"Team": "platform"}


# -- CodeBuild ------------------------------------------------------------------------------


def test_codebuild_project() -> None:
    result = props(
        codebuild.project(
            tf(
                "aws_codebuild_project",
                {
                    "encryption_key": "alias/aws/s3",
                    "artifacts": [{"type": "S3", "encryption_disabled": True}],
                    "environment": [
                        {
                            "privileged_mode": True,
                            "environment_variable": [{"name": "REPO", "value": "x"}],
                        }
                    ],
                    "source": [{"type": "GITHUB", "buildspec": "phases: {}"}],
                    "logs_config": [{"s3_logs": [{"status": "ENABLED"}]}],
                },
            )
        )
    )
    assert result["EncryptionKey"] == "alias/aws/s3"
    assert result["Artifacts"] == {"Type": "S3", "EncryptionDisabled": True}
    assert result["Environment"] == {
        "PrivilegedMode": True,
        "EnvironmentVariables": [{"Name": "REPO", "Value": "x"}],
    }
    assert result["Source"] == {"Type": "GITHUB", "BuildSpec": "phases: {}"}
    assert result["LogsConfig"] == {"S3Logs": {"Status": "ENABLED"}}


# -- brokers and integrations ---------------------------------------------------------------


def test_msk_cluster_authentication_and_map_tags() -> None:
    result = props(
        brokers.msk_cluster(
            tf(
                "aws_msk_cluster",
                {
                    "cluster_name": "payments",
                    "client_authentication": [{"sasl": [{"iam": True}], "unauthenticated": False}],
                    "encryption_info": [{"encryption_at_rest_kms_key_arn": "arn:key"}],
                    "tags": {"Team": "payments"},
                },
            )
        )
    )
    assert result["ClientAuthentication"] == {
        "Sasl": {"Iam": {"Enabled": True}},
        "Unauthenticated": {"Enabled": False},
    }
    assert result["EncryptionInfo"] == {"EncryptionAtRest": {"DataVolumeKMSKeyId": "arn:key"}}
    assert result["Tags"] == {"Team": "payments"}


def test_mq_broker_writes_the_provider_default_for_public_access() -> None:
    assert props(brokers.mq_broker(tf("aws_mq_broker", {})))["PubliclyAccessible"] is False


def test_iot_rule_actions() -> None:
    function = Reference("aws_lambda_function.f", "arn")
    result = props(
        integrations.iot_topic_rule(
            tf(
                "aws_iot_topic_rule",
                {
                    "name": "r",
                    "enabled": False,
                    "sql": "SELECT 1",
                    "lambda": [{"function_arn": function}],
                    "dynamodbv2": [{"role_arn": "arn:role", "put_item": [{"table_name": "t"}]}],
                    "error_action": [{"sns": [{"target_arn": "arn:topic"}]}],
                },
            )
        )
    )
    payload = result["TopicRulePayload"]
    assert payload["RuleDisabled"] is True
    assert payload["Actions"] == [
        {"Lambda": {"FunctionArn": function}},
        {"DynamoDBv2": {"RoleArn": "arn:role", "PutItem": {"TableName": "t"}}},
    ]
    assert payload["ErrorAction"] == {"Sns": {"TargetArn": "arn:topic"}}


def test_ses_rule_actions_in_position_order() -> None:
    result = props(
        integrations.ses_receipt_rule(
            tf(
                "aws_ses_receipt_rule",
                {
                    "rule_set_name": "default",
                    "lambda_action": [{"function_arn": "arn:fn", "position": 2}],
                    "sns_action": [{"topic_arn": "arn:topic", "position": 1}],
                },
            )
        )
    )
    assert result["Rule"]["Actions"] == [
        {"SNSAction": {"TopicArn": "arn:topic"}},
        {"LambdaAction": {"FunctionArn": "arn:fn"}},
    ]


def test_codepipeline_stores_and_lambda_action() -> None:
    action = {
        "name": "Invoke",
        "category": "Invoke",
        "owner": "AWS",
        "provider": "Lambda",
        "version": "1",
        "configuration": {"FunctionName": "smoke"},
        "input_artifacts": ["source"],
    }
    result = props(
        integrations.codepipeline(
            tf(
                "aws_codepipeline",
                {
                    "artifact_store": [
                        {"location": "a", "type": "S3", "region": "eu-west-1"},
                        {"location": "b", "type": "S3", "region": "us-east-1"},
                    ],
                    "stage": [{"name": "Test", "action": [action]}],
                },
            )
        )
    )
    assert [s["Region"] for s in result["ArtifactStores"]] == ["eu-west-1", "us-east-1"]
    assert result["Stages"][0]["Actions"][0] == {
        "Name": "Invoke",
        "Configuration": {"FunctionName": "smoke"},
        "ActionTypeId": {
            "Category": "Invoke",
            "Owner": "AWS",
            "Provider": "Lambda",
            "Version": "1",
        },
        "InputArtifacts": [{"Name": "source"}],
    }


def test_pipe_and_user_pool() -> None:
    pipe = props(
        integrations.pipe(
            tf(
                "aws_pipes_pipe",
                {
                    "source": "arn:stream",
                    "source_parameters": [
                        {
                            "dynamodb_stream_parameters": [
                                {"dead_letter_config": [{"arn": "arn:dlq"}], "batch_size": 5}
                            ]
                        }
                    ],
                },
            )
        )
    )
    assert pipe["SourceParameters"] == {
        "DynamoDBStreamParameters": {"DeadLetterConfig": {"Arn": "arn:dlq"}, "BatchSize": 5}
    }
    pool = props(
        integrations.user_pool(
            tf(
                "aws_cognito_user_pool",
                {
                    "lambda_config": [{"pre_sign_up": "arn:fn", "kms_key_id": "arn:key"}],
                    "tags": {"a": "b"},
                },
            )
        )
    )
    assert pool["LambdaConfig"] == {"PreSignUp": "arn:fn", "KMSKeyID": "arn:key"}
    assert pool["UserPoolTags"] == {"a": "b"}


def test_dlm_target_tags_become_a_list() -> None:
    result = props(
        brokers.dlm_policy(
            tf(
                "aws_dlm_lifecycle_policy",
                {
                    "policy_details": [
                        {"resource_types": ["VOLUME"], "target_tags": {"Snapshot": "daily"}}
                    ]
                },
            )
        )
    )
    assert result["PolicyDetails"] == {
        "ResourceTypes": ["VOLUME"],
        "TargetTags": [{"Key": "Snapshot", "Value": "daily"}],
    }
