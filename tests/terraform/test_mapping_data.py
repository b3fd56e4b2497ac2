"""Mappings of S3, DynamoDB, streams, keys and secrets, backups and account guardrails.

Each test pins one mapping decision, above all where Terraform and CloudFormation differ
(provider defaults, split resources, plan zero values, unknown values kept unknown).
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    backup,
    dynamodb,
    governance,
    keys,
    s3,
    streaming,
)
from golive.loaders.terraform.model import TfResource
from golive.model import Location
from golive.values import Reference, Unknown


def tf(tf_type: str, attributes: dict[str, Any], **extra: Any) -> TfResource:
    return TfResource(f"{tf_type}.x", tf_type, attributes, Location("x.tf", 1), **extra)


def props(result: Mapped | None) -> dict[str, Any]:
    assert result is not None
    return result.properties


def merged(merger: Any, tf_type: str, attributes: dict[str, Any]) -> dict[str, Any]:
    owner: dict[str, Any] = {"BucketName": "b"}
    merger(tf(tf_type, attributes), owner)
    return owner


# -- S3 -------------------------------------------------------------------------------------


def test_bucket_name_tags_and_generated_names() -> None:
    result = s3.bucket(tf("aws_s3_bucket", {"bucket": "data"}, default_tags={"Team": "a"}))
    assert props(result) == {"BucketName": "data", "Tags": [{"Key": "Team", "Value": "a"}]}
    assert "BucketName" not in props(s3.bucket(tf("aws_s3_bucket", {"bucket_prefix": "data-"})))


def test_bucket_without_encryption_keeps_s3_default_unwritten() -> None:
    assert "BucketEncryption" not in props(s3.bucket(tf("aws_s3_bucket", {"bucket": "data"})))


def test_legacy_inline_blocks() -> None:
    result = props(
        s3.bucket(
            tf(
                "aws_s3_bucket",
                {
                    "bucket": "data",
                    "acl": "log-delivery-write",
                    "versioning": [{"enabled": True}],
                    "logging": [{"target_bucket": "logs", "target_prefix": "data/"}],
                    "lifecycle_rule": [
                        {
                            "id": "tmp",
                            "enabled": False,
                            "prefix": "tmp/",
                            "abort_incomplete_multipart_upload_days": 0,
                            "expiration": [
                                {"days": 7, "date": "", "expired_object_delete_marker": False}
                            ],
                        }
                    ],
                    "website": [{"index_document": "index.html"}],
                },
            )
        )
    )
    assert result["AccessControl"] == "LogDeliveryWrite"
    assert result["VersioningConfiguration"] == {"Status": "Enabled"}
    assert result["LoggingConfiguration"] == {
        "DestinationBucketName": "logs",
        "LogFilePrefix": "data/",
    }
    assert result["LifecycleConfiguration"] == {
        "Rules": [{"Id": "tmp", "Status": "Disabled", "Prefix": "tmp/", "ExpirationInDays": 7}]
    }
    assert result["WebsiteConfiguration"] == {"IndexDocument": "index.html"}


def test_legacy_versioning_off_is_no_versioning() -> None:
    result = props(s3.bucket(tf("aws_s3_bucket", {"versioning": [{"enabled": False}]})))
    assert "VersioningConfiguration" not in result


def test_computed_legacy_arguments_of_a_plan_are_left_out() -> None:
    computed = Unknown("versioning is known only after apply")
    attributes = {
        name: computed
        for name in ("versioning", "server_side_encryption_configuration", "acl", "policy")
    }
    result = s3.bucket(tf("aws_s3_bucket", {"bucket": "data", **attributes}))
    assert props(result) == {"BucketName": "data"}
    assert result is not None and result.companions == {}


def test_unknown_inside_a_legacy_block_is_kept() -> None:
    flag = Unknown("var.versioned has no value")
    result = props(s3.bucket(tf("aws_s3_bucket", {"versioning": [{"enabled": flag}]})))
    assert result["VersioningConfiguration"] == {"Status": flag}


def test_inline_policy_is_a_companion_bucket_policy() -> None:
    document = {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*"}]}
    result = s3.bucket(tf("aws_s3_bucket", {"bucket": "data", "policy": document}))
    assert result is not None
    companion = result.companions["policy"]
    assert companion.type == "AWS::S3::BucketPolicy"
    assert companion.properties == {
        "Bucket": Reference("aws_s3_bucket.x", "id"),
        "PolicyDocument": document,
    }


def test_bucket_policy_parses_json_text() -> None:
    result = s3.bucket_policy(
        tf("aws_s3_bucket_policy", {"bucket": "data", "policy": '{"Statement": []}'})
    )
    assert props(result) == {"Bucket": "data", "PolicyDocument": {"Statement": []}}


def test_public_access_block_omitted_settings_are_false() -> None:
    owner = merged(
        s3.public_access_block,
        "aws_s3_bucket_public_access_block",
        {"bucket": "b", "block_public_acls": True, "block_public_policy": Unknown("var")},
    )
    assert owner["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True,
        "BlockPublicPolicy": Unknown("var"),
        "IgnorePublicAcls": False,
        "RestrictPublicBuckets": False,
    }


def test_versioning_disabled_is_no_configuration() -> None:
    owner = {"VersioningConfiguration": {"Status": "Enabled"}}
    split = {"versioning_configuration": [{"status": "Disabled"}]}
    s3.versioning(tf("aws_s3_bucket_versioning", split), owner)
    assert owner == {}
    suspended = {"versioning_configuration": [{"status": "Suspended"}]}
    owner = merged(s3.versioning, "aws_s3_bucket_versioning", suspended)
    assert owner["VersioningConfiguration"] == {"Status": "Suspended"}


def test_server_side_encryption_rule() -> None:
    key = Reference("aws_kms_key.data", "arn")
    rule = {
        "apply_server_side_encryption_by_default": [
            {"sse_algorithm": "aws:kms", "kms_master_key_id": key}
        ],
        "bucket_key_enabled": True,
    }
    owner = merged(
        s3.server_side_encryption,
        "aws_s3_bucket_server_side_encryption_configuration",
        {"rule": [rule]},
    )
    assert owner["BucketEncryption"] == {
        "ServerSideEncryptionConfiguration": [
            {
                "ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key},
                "BucketKeyEnabled": True,
            }
        ]
    }


def test_dynamic_encryption_rules_stay_unknown() -> None:
    dynamic = Unknown("for_each over var.rules")
    owner = merged(
        s3.server_side_encryption,
        "aws_s3_bucket_server_side_encryption_configuration",
        {"rule": dynamic},
    )
    assert owner["BucketEncryption"] == {
        "ServerSideEncryptionConfiguration": Unknown(dynamic.reason)
    }


def test_acl_grants_read_as_canned_acls() -> None:
    def grant(uri: str, permission: str) -> dict[str, Any]:
        return {"grantee": [{"type": "Group", "uri": uri}], "permission": permission}

    everyone = "http://acs.amazonaws.com/groups/global/AllUsers"
    for grants, expected in (
        ([grant(everyone, "READ")], "PublicRead"),
        ([grant(everyone, "FULL_CONTROL")], "PublicReadWrite"),
        ([grant("http://acs.amazonaws.com/groups/s3/LogDelivery", "WRITE")], "LogDeliveryWrite"),
        ([{"grantee": [{"type": "CanonicalUser", "id": "abc"}], "permission": "READ"}], "Private"),
    ):
        policy = {"access_control_policy": [{"grant": grants}]}
        owner = merged(s3.acl, "aws_s3_bucket_acl", policy)
        assert owner["AccessControl"] == expected


def test_lifecycle_rule_filter_and_plan_zero_values() -> None:
    rule = {
        "id": "logs",
        "status": "Enabled",
        "filter": [{"and": [{"prefix": "logs/", "tags": {"kind": "log"}}]}],
        "expiration": [{"days": 0, "date": "2030-01-01", "expired_object_delete_marker": False}],
        "transition": [{"days": 0, "storage_class": "GLACIER_IR", "date": ""}],
        "noncurrent_version_expiration": [{"noncurrent_days": 30}],
        "abort_incomplete_multipart_upload": [{"days_after_initiation": 3}],
    }
    owner = merged(s3.lifecycle, "aws_s3_bucket_lifecycle_configuration", {"rule": [rule]})
    assert owner["LifecycleConfiguration"]["Rules"] == [
        {
            "Id": "logs",
            "Status": "Enabled",
            "Prefix": "logs/",
            "TagFilters": [{"Key": "kind", "Value": "log"}],
            "ExpirationDate": "2030-01-01",
            "Transitions": [{"StorageClass": "GLACIER_IR", "TransitionInDays": 0}],
            "NoncurrentVersionExpiration": {"NoncurrentDays": 30},
            "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 3},
        }
    ]


def test_replication_rules_name_their_destination() -> None:
    replica = Reference("aws_s3_bucket.replica", "arn")
    rule = {"id": "all", "status": "Enabled", "filter": [{}], "destination": [{"bucket": replica}]}
    owner = merged(
        s3.replication, "aws_s3_bucket_replication_configuration", {"role": "r", "rule": [rule]}
    )
    assert owner["ReplicationConfiguration"] == {
        "Role": "r",
        "Rules": [
            {"Id": "all", "Status": "Enabled", "Filter": {}, "Destination": {"Bucket": replica}}
        ],
    }


def test_notification_gives_one_entry_per_event() -> None:
    function = Reference("aws_lambda_function.f", "arn")
    owner = merged(
        s3.notification,
        "aws_s3_bucket_notification",
        {
            "lambda_function": [
                {
                    "lambda_function_arn": function,
                    "events": ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"],
                    "filter_suffix": ".jpg",
                }
            ],
            "queue": [{"queue_arn": "arn:aws:sqs:us-east-1:1:q", "events": ["s3:ObjectCreated:*"]}],
            "eventbridge": True,
        },
    )
    suffix = {"S3Key": {"Rules": [{"Name": "suffix", "Value": ".jpg"}]}}
    assert owner["NotificationConfiguration"] == {
        "LambdaConfigurations": [
            {"Function": function, "Event": "s3:ObjectCreated:*", "Filter": suffix},
            {"Function": function, "Event": "s3:ObjectRemoved:*", "Filter": suffix},
        ],
        "QueueConfigurations": [
            {"Queue": "arn:aws:sqs:us-east-1:1:q", "Event": "s3:ObjectCreated:*"}
        ],
        "EventBridgeConfiguration": {"EventBridgeEnabled": True},
    }


# -- DynamoDB and Application Auto Scaling --------------------------------------------------


def test_table_encryption_variants() -> None:
    def sse(block: Any) -> Any:
        attributes = {"name": "t"} if block is None else {"server_side_encryption": [block]}
        return props(dynamodb.table(tf("aws_dynamodb_table", attributes))).get("SSESpecification")

    key = Reference("aws_kms_key.k", "arn")
    assert sse(None) is None  # the AWS-owned key, as without SSESpecification
    assert sse({"enabled": False, "kms_key_arn": ""}) == {"SSEEnabled": False}
    assert sse({"enabled": True, "kms_key_arn": ""}) == {"SSEEnabled": True, "SSEType": "KMS"}
    assert sse({"enabled": True, "kms_key_arn": key}) == {
        "SSEEnabled": True,
        "SSEType": "KMS",
        "KMSMasterKeyId": key,
    }


def test_table_capacity_recovery_and_stream() -> None:
    result = props(
        dynamodb.table(
            tf(
                "aws_dynamodb_table",
                {
                    "name": "orders",
                    "hash_key": "pk",
                    "read_capacity": 5,
                    "write_capacity": 5,
                    "stream_enabled": True,
                    "stream_view_type": "NEW_IMAGE",
                    "point_in_time_recovery": [{"enabled": True, "recovery_period_in_days": 0}],
                    "deletion_protection_enabled": True,
                },
            )
        )
    )
    assert result["ProvisionedThroughput"] == {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
    assert result["StreamSpecification"] == {"StreamViewType": "NEW_IMAGE"}
    assert result["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert result["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}]
    on_demand = {"name": "o", "billing_mode": "PAY_PER_REQUEST", "read_capacity": 0}
    assert "ProvisionedThroughput" not in props(dynamodb.table(tf("aws_dynamodb_table", on_demand)))


def test_table_with_replicas_is_a_global_table() -> None:
    key = Reference("aws_kms_key.k", "arn")
    result = dynamodb.table(
        tf(
            "aws_dynamodb_table",
            {
                "name": "sessions",
                "billing_mode": "PAY_PER_REQUEST",
                "point_in_time_recovery": [{"enabled": True}],
                "server_side_encryption": [{"enabled": True, "kms_key_arn": key}],
                "replica": [
                    {"region_name": "eu-west-1", "point_in_time_recovery": False},
                    {"region_name": "us-west-2", "kms_key_arn": "arn:k2", "propagate_tags": True},
                ],
                "tags": {"app": "shop"},
            },
        )
    )
    assert result is not None and result.type == "AWS::DynamoDB::GlobalTable"
    tags = [{"Key": "app", "Value": "shop"}]
    assert result.properties["SSESpecification"] == {"SSEEnabled": True, "SSEType": "KMS"}
    assert result.properties["Replicas"] == [
        {
            "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True},
            "SSESpecification": {"KMSMasterKeyId": key},
            "Tags": tags,
        },
        {
            "Region": "eu-west-1",
            "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": False},
        },
        {"Region": "us-west-2", "SSESpecification": {"KMSMasterKeyId": "arn:k2"}, "Tags": tags},
    ]
    assert "WriteProvisionedThroughputSettings" not in result.properties


def test_provisioned_global_table_write_scaling_is_unknown() -> None:
    result = props(
        dynamodb.table(tf("aws_dynamodb_table", {"replica": [{"region_name": "eu-west-1"}]}))
    )
    assert isinstance(result["WriteProvisionedThroughputSettings"], Unknown)


def test_table_replica_resource() -> None:
    result = dynamodb.table_replica(
        tf(
            "aws_dynamodb_table_replica",
            {"global_table_arn": Reference("aws_dynamodb_table.t", "arn"), "kms_key_arn": "arn:k"},
        )
    )
    assert result is not None and result.type == "AWS::DynamoDB::Table"
    assert isinstance(result.properties["BillingMode"], Unknown)
    assert result.properties["SSESpecification"]["KMSMasterKeyId"] == "arn:k"
    assert "PointInTimeRecoverySpecification" not in result.properties


def test_scaling_policy_type_defaults_to_step_scaling() -> None:
    target = Reference("aws_appautoscaling_target.t", "resource_id")
    result = props(
        dynamodb.scaling_policy(
            tf("aws_appautoscaling_policy", {"name": "p", "resource_id": target})
        )
    )
    assert result == {"PolicyName": "p", "ResourceId": target, "PolicyType": "StepScaling"}


# -- Kinesis and Firehose -------------------------------------------------------------------


def test_stream_encryption() -> None:
    plain = props(streaming.stream(tf("aws_kinesis_stream", {"encryption_type": "NONE"})))
    assert "StreamEncryption" not in plain
    kms = {"encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis"}
    encrypted = props(streaming.stream(tf("aws_kinesis_stream", kms)))
    assert encrypted["StreamEncryption"] == {"EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}


def test_firehose_encryption_default_key_type_and_source() -> None:
    result = props(
        streaming.delivery_stream(
            tf(
                "aws_kinesis_firehose_delivery_stream",
                {
                    "server_side_encryption": [{"enabled": True, "key_type": "", "key_arn": ""}],
                    "kinesis_source_configuration": [{"kinesis_stream_arn": "arn:s"}],
                },
            )
        )
    )
    assert result["DeliveryStreamEncryptionConfigurationInput"] == {"KeyType": "AWS_OWNED_CMK"}
    assert result["DeliveryStreamType"] == "KinesisStreamAsSource"
    off = {"server_side_encryption": [{"enabled": False}]}
    assert "DeliveryStreamEncryptionConfigurationInput" not in props(
        streaming.delivery_stream(tf("aws_kinesis_firehose_delivery_stream", off))
    )


def test_firehose_lambda_processor_keeps_its_reference() -> None:
    function = Reference("aws_lambda_function.f", "arn")
    processing = {
        "enabled": True,
        "processors": [
            {
                "type": "Lambda",
                "parameters": [{"parameter_name": "LambdaArn", "parameter_value": function}],
            }
        ],
    }
    result = props(
        streaming.delivery_stream(
            tf(
                "aws_kinesis_firehose_delivery_stream",
                {
                    "extended_s3_configuration": [
                        {"bucket_arn": "arn:b", "processing_configuration": [processing]}
                    ]
                },
            )
        )
    )
    destination = result["ExtendedS3DestinationConfiguration"]
    parameter = destination["ProcessingConfiguration"]["Processors"][0]["Parameters"][0]
    assert parameter == {"ParameterName": "LambdaArn", "ParameterValue": function}


# -- KMS, Secrets Manager, SSM --------------------------------------------------------------


def test_kms_key_defaults_stay_unwritten() -> None:
    assert props(keys.key(tf("aws_kms_key", {"description": "d"}))) == {"Description": "d"}
    written = props(keys.key(tf("aws_kms_key", {"deletion_window_in_days": 7, "policy": "{}"})))
    assert written == {"PendingWindowInDays": 7, "KeyPolicy": {}}
    assert props(keys.external_key(tf("aws_kms_external_key", {})))["Origin"] == "EXTERNAL"


def test_key_policy_resource_sets_the_key_policy() -> None:
    owner: dict[str, Any] = {}
    keys.key_policy(tf("aws_kms_key_policy", {"key_id": "k", "policy": '{"Statement": []}'}), owner)
    assert owner == {"KeyPolicy": {"Statement": []}}


def test_secret_version_becomes_secret_string() -> None:
    owner: dict[str, Any] = {"Name": "db"}
    value = {"username": "app", "password": "literal"}
    keys.secret_version(tf("aws_secretsmanager_secret_version", {"secret_string": value}), owner)
    assert owner["SecretString"] == value


def test_rotation_resource_and_legacy_inline_rotation() -> None:
    rules = [
        {"automatically_after_days": 0, "schedule_expression": "rate(10 days)", "duration": ""}
    ]
    result = props(
        keys.secret_rotation(
            tf(
                "aws_secretsmanager_secret_rotation",
                {"secret_id": "s", "rotation_lambda_arn": "arn:f", "rotation_rules": rules},
            )
        )
    )
    assert result == {
        "RotationLambdaARN": "arn:f",
        "RotationRules": {"ScheduleExpression": "rate(10 days)"},
        "SecretId": "s",
    }
    legacy = keys.secret(
        tf(
            "aws_secretsmanager_secret",
            {
                "name": "s",
                "rotation_lambda_arn": "arn:f",
                "rotation_rules": [{"automatically_after_days": 30}],
            },
        )
    )
    assert legacy is not None
    schedule = legacy.companions["rotation"]
    assert schedule.type == "AWS::SecretsManager::RotationSchedule"
    assert schedule.properties["SecretId"] == Reference("aws_secretsmanager_secret.x", "id")


def test_ssm_parameter_keeps_its_type_and_value() -> None:
    result = props(
        keys.parameter(
            tf(
                "aws_ssm_parameter",
                {"name": "/a/b", "type": "SecureString", "insecure_value": "v"},
                default_tags={"t": "1"},
            )
        )
    )
    assert result == {"Name": "/a/b", "Type": "SecureString", "Value": "v", "Tags": {"t": "1"}}


# -- Backup and account guardrails ----------------------------------------------------------


def test_backup_plan_rules_and_copies() -> None:
    result = props(
        backup.backup_plan(
            tf(
                "aws_backup_plan",
                {
                    "name": "daily",
                    "rule": [
                        {
                            "rule_name": "daily",
                            "target_vault_name": "main",
                            "lifecycle": [{"delete_after": 35, "cold_storage_after": 0}],
                            "copy_action": [{"destination_vault_arn": "arn:v"}],
                        }
                    ],
                },
            )
        )
    )
    assert result["BackupPlan"] == {
        "BackupPlanName": "daily",
        "BackupPlanRule": [
            {
                "RuleName": "daily",
                "TargetBackupVault": "main",
                "Lifecycle": {"DeleteAfterDays": 35},
                "CopyActions": [{"DestinationBackupVaultArn": "arn:v"}],
            }
        ],
    }


def test_backup_selection_body() -> None:
    plan = Reference("aws_backup_plan.p", "id")
    result = props(
        backup.backup_selection(
            tf(
                "aws_backup_selection",
                {
                    "name": "s",
                    "plan_id": plan,
                    "iam_role_arn": "arn:r",
                    "resources": ["arn:aws:dynamodb:*:*:table/*"],
                    "not_resources": [],
                    "selection_tag": [{"type": "STRINGEQUALS", "key": "backup", "value": "yes"}],
                    "condition": [
                        {
                            "string_equals": [{"key": "aws:ResourceTag/env", "value": "prod"}],
                            "string_like": [],
                        }
                    ],
                },
            )
        )
    )
    assert result == {
        "BackupPlanId": plan,
        "BackupSelection": {
            "SelectionName": "s",
            "IamRoleArn": "arn:r",
            "Resources": ["arn:aws:dynamodb:*:*:table/*"],
            "ListOfTags": [
                {"ConditionType": "STRINGEQUALS", "ConditionKey": "backup", "ConditionValue": "yes"}
            ],
            "Conditions": {
                "StringEquals": [{"ConditionKey": "aws:ResourceTag/env", "ConditionValue": "prod"}]
            },
        },
    }


def test_backup_selection_with_unknown_resources_is_unknown() -> None:
    result = props(
        backup.backup_selection(tf("aws_backup_selection", {"resources": Unknown("var.arns")}))
    )
    assert isinstance(result["BackupSelection"], Unknown)


def test_provider_defaults_written_where_cloudformation_differs() -> None:
    assert props(governance.guardduty_detector(tf("aws_guardduty_detector", {})))["Enable"] is True
    trail = props(governance.trail(tf("aws_cloudtrail", {"name": "t", "kms_key_id": ""})))
    assert trail == {"TrailName": "t", "IsLogging": True}
    assert props(governance.securityhub_account(tf("aws_securityhub_account", {}))) == {}


def test_budget_notifications_list_their_subscribers() -> None:
    result = props(
        governance.budget(
            tf(
                "aws_budgets_budget",
                {
                    "budget_type": "COST",
                    "limit_amount": "100.0",
                    "limit_unit": "USD",
                    "notification": [
                        {
                            "threshold": 80,
                            "subscriber_email_addresses": ["a@example.com"],
                            "subscriber_sns_topic_arns": [Reference("aws_sns_topic.t", "arn")],
                        }
                    ],
                },
            )
        )
    )
    assert result["Budget"]["BudgetLimit"] == {"Amount": 100.0, "Unit": "USD"}
    assert result["NotificationsWithSubscribers"] == [
        {
            "Notification": {"Threshold": 80},
            "Subscribers": [
                {"SubscriptionType": "EMAIL", "Address": "a@example.com"},
                {"SubscriptionType": "SNS", "Address": Reference("aws_sns_topic.t", "arn")},
            ],
        }
    ]
